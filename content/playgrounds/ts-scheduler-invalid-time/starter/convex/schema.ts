import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  tasks: defineTable({ title: v.string(), dueAt: v.number(), remindedAt: v.optional(v.number()) }),
});
