import { v } from "convex/values";
import { internalAction, internalMutation, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

// The transaction: save the order and schedule the side effect. The action
// starts only if this mutation commits.
export const place = mutation({
  args: { item: v.string(), email: v.string() },
  handler: async (ctx, { item, email }) => {
    const orderId = await ctx.db.insert("orders", { item, email, status: "pending" });
    await ctx.scheduler.runAfter(0, internal.orders.sendConfirmation, { orderId, item, email });
    return orderId;
  },
});

// The side effect: actions may call fetch.
export const sendConfirmation = internalAction({
  args: { orderId: v.id("orders"), item: v.string(), email: v.string() },
  handler: async (ctx, { orderId, item, email }) => {
    const response = await fetch("https://api.example-mail.test/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ to: email, subject: `Your ${item} is on its way` }),
    });
    await ctx.runMutation(internal.orders.setStatus, {
      orderId,
      status: response.ok ? "confirmed" : "failed",
    });
  },
});

export const setStatus = internalMutation({
  args: {
    orderId: v.id("orders"),
    status: v.union(v.literal("pending"), v.literal("confirmed"), v.literal("failed")),
  },
  handler: async (ctx, { orderId, status }) => {
    await ctx.db.patch(orderId, { status });
  },
});

export const get = query({
  args: { orderId: v.id("orders") },
  handler: async (ctx, { orderId }) => await ctx.db.get(orderId),
});
