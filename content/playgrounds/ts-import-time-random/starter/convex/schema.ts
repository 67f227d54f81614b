import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  rooms: defineTable({ title: v.string(), inviteCode: v.string() }).index("by_invite_code", ["inviteCode"]),
});
