import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

// Saves the order and emails a confirmation, all in one mutation.
export const place = mutation({
  args: { item: v.string(), email: v.string() },
  handler: async (ctx, { item, email }) => {
    const orderId = await ctx.db.insert("orders", { item, email, status: "pending" });
    const response = await fetch("https://api.example-mail.test/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ to: email, subject: `Your ${item} is on its way` }),
    });
    await ctx.db.patch(orderId, { status: response.ok ? "confirmed" : "failed" });
    return orderId;
  },
});

export const get = query({
  args: { orderId: v.id("orders") },
  handler: async (ctx, { orderId }) => await ctx.db.get(orderId),
});
