import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  tasks: defineTable({
    text: v.string(),
    priority: v.union(v.literal("low"), v.literal("medium"), v.literal("high")),
    // Optional fields may be missing from a document (but never null unless you say so).
    dueDate: v.optional(v.number()),
  }),
});
