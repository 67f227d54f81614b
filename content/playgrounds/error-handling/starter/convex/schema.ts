import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  events: defineTable({
    name: v.string(),
    seatsLeft: v.number(),
  }).index("by_name", ["name"]),
});
