import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  posts: defineTable({
    title: v.string(),
    publishAt: v.number(),
  }).index("by_publishAt", ["publishAt"]),
});
