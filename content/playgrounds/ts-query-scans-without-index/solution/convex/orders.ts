import { v } from "convex/values";
import { query } from "./_generated/server";

// How many orders a customer placed, and what they add up to.
export const forCustomer = query({
  args: { customer: v.string() },
  handler: async (ctx, { customer }) => {
    const orders = await ctx.db
      .query("orders")
      .withIndex("by_customer", (q) => q.eq("customer", customer))
      .collect();
    return { count: orders.length, sum: orders.reduce((sum, order) => sum + order.total, 0) };
  },
});
