import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  profiles: defineTable({ handle: v.string(), name: v.string() }).index("by_handle", ["handle"]),
});
