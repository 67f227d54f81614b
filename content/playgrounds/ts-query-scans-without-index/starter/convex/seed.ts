import { v } from "convex/values";
import { mutation } from "./_generated/server";

// Orders `from` .. from + count - 1, spread over 1,000 customers: order n belongs to
// customer-(n % 1000) and totals (n % 50) + 1. 22 batches of 1,500 make 33,000 orders,
// more than one query may read (32,000 documents).
export const addOrders = mutation({
  args: { from: v.number(), count: v.number() },
  handler: async (ctx, { from, count }) => {
    for (let n = from; n < from + count; n++) {
      await ctx.db.insert("orders", { customer: `customer-${n % 1000}`, total: (n % 50) + 1 });
    }
  },
});
