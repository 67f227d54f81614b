import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  tasks: defineTable({
    project: v.string(),
    title: v.string(),
    priority: v.number(),
    done: v.boolean(),
    assignee: v.optional(v.string()),
  }).index("by_project", ["project"]),
});
