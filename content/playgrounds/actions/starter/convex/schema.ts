import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  forecasts: defineTable({
    city: v.string(),
    temperatureC: v.number(),
    conditions: v.string(),
  }).index("by_city", ["city"]),
});
