import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  // The index lets a query read one customer's orders and nothing else.
  orders: defineTable({ customer: v.string(), total: v.number() }).index("by_customer", ["customer"]),
});
