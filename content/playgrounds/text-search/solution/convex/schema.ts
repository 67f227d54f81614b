import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  posts: defineTable({
    channel: v.string(),
    body: v.string(),
  }).searchIndex("search_body", { searchField: "body", filterFields: ["channel"] }),
});
