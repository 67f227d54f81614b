import { v } from "convex/values";
import { internalAction, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

// The side effect: a (pretend) email API, called from an action.
export const sendConfirmation = internalAction({
  args: { email: v.string(), item: v.string() },
  handler: async (_ctx, args) => {
    await fetch("https://api.example-mail.test/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ to: args.email, subject: "Order received", text: `We got your order for ${args.item}.` }),
    });
  },
});

// The state of the job an order scheduled, read from the _scheduled_functions system table.
export const confirmationStatus = query({
  args: { orderId: v.id("orders") },
  handler: async (ctx, args) => {
    const order = await ctx.db.get("orders", args.orderId);
    if (order?.confirmationJob === undefined) return null;
    const job = await ctx.db.system.get("_scheduled_functions", order.confirmationJob);
    return job === null ? null : { name: job.name, state: job.state.kind };
  },
});

// Exercise: record the order and, in the same transaction, schedule the email.
export const place = mutation({
  args: { email: v.string(), item: v.string() },
  handler: async (ctx, args) => {
    const orderId = await ctx.db.insert("orders", { email: args.email, item: args.item });
    // TODO: schedule internal.orders.sendConfirmation to run right away,
    // and store the job's ID in the order's `confirmationJob` field.
    return orderId;
  },
});
