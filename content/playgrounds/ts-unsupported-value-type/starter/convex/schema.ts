import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  votes: defineTable({ poll: v.string(), choice: v.string() }).index("by_poll", ["poll"]),
});
