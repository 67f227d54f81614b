import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  orders: defineTable({
    email: v.string(),
    item: v.string(),
    confirmationJob: v.optional(v.id("_scheduled_functions")),
  }),
});
