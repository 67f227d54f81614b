import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  items: defineTable({
    owner: v.string(),
    payload: v.string(),
  }).index("by_owner", ["owner"]),
});
