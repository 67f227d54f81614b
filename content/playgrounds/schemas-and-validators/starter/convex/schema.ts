import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  tasks: defineTable({
    text: v.string(),
    // Exercise: only "low", "medium" and "high" should be allowed here.
    priority: v.string(),
    // Optional fields may be missing from a document (but never null unless you say so).
    dueDate: v.optional(v.number()),
  }),
});
