import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  // tasks.ts queries an index named "by_owner", but it is not declared here.
  tasks: defineTable({ owner: v.string(), text: v.string() }),
});
