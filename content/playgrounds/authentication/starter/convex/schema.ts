import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  users: defineTable({
    tokenIdentifier: v.string(),
    name: v.string(),
  }).index("by_token", ["tokenIdentifier"]),
  messages: defineTable({
    author: v.id("users"),
    body: v.string(),
  }),
});
