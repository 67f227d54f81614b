import { v } from "convex/values";
import { internalAction, internalMutation, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

export const signUp = mutation({
  args: { email: v.string() },
  handler: async (ctx, { email }) => {
    const userId = await ctx.db.insert("users", { email, welcomed: false });
    // Scheduled, not called: the action starts once this mutation has committed.
    await ctx.scheduler.runAfter(0, internal.users.sendWelcome, { userId, email });
    return userId;
  },
});

export const sendWelcome = internalAction({
  args: { userId: v.id("users"), email: v.string() },
  handler: async (ctx, { userId, email }) => {
    await fetch("https://api.example-mail.test/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ to: email, subject: "Welcome!" }),
    });
    await ctx.runMutation(internal.users.markWelcomed, { userId });
  },
});

export const markWelcomed = internalMutation({
  args: { userId: v.id("users") },
  handler: async (ctx, { userId }) => {
    await ctx.db.patch(userId, { welcomed: true });
  },
});

export const get = query({
  args: { userId: v.id("users") },
  handler: async (ctx, { userId }) => await ctx.db.get(userId),
});
