import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

// The example project behind the site: a chat channel and a task list.
export default defineSchema({
  messages: defineTable({
    author: v.string(),
    body: v.string(),
  }).index("by_author", ["author"]),

  tasks: defineTable({
    text: v.string(),
    isCompleted: v.boolean(),
    assignee: v.optional(v.string()),
  })
    .index("by_completed", ["isCompleted"])
    .index("by_assignee_and_completed", ["assignee", "isCompleted"]),
});
