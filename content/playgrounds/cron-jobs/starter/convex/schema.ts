import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  sessions: defineTable({
    user: v.string(),
    expiresAt: v.number(),
  }).index("by_expiry", ["expiresAt"]),
});
