import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  tasks: defineTable({
    text: v.string(),
    // Added later: every task now needs a priority.
    priority: v.number(),
  }),
});
