import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

// Every table you declare here is checked on each write. Add tables,
// fields and indexes freely: the sandbox re-pushes when you press Run.
export default defineSchema({
  tasks: defineTable({
    text: v.string(),
    done: v.boolean(),
  }).index("by_done", ["done"]),
});
