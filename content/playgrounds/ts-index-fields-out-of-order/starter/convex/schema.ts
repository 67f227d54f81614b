import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  tasks: defineTable({ owner: v.string(), title: v.string(), due: v.number() }).index("by_owner_and_due", ["owner", "due"]),
});
