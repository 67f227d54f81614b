import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  posts: defineTable({
    channel: v.string(),
    body: v.string(),
  }),
  // Exercise: a search index on `body`, filterable by `channel`.
});
