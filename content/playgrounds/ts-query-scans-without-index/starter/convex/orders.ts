import { v } from "convex/values";
import { query } from "./_generated/server";

// How many orders a customer placed, and what they add up to.
export const forCustomer = query({
  args: { customer: v.string() },
  handler: async (ctx, { customer }) => {
    const orders = await ctx.db
      .query("orders")
      .filter((q) => q.eq(q.field("customer"), customer))
      .collect();
    return { count: orders.length, sum: orders.reduce((sum, order) => sum + order.total, 0) };
  },
});
