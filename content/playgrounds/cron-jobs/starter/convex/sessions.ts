import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";

export const start = mutation({
  args: { user: v.string(), ttlMs: v.number() },
  handler: async (ctx, args) => ctx.db.insert("sessions", { user: args.user, expiresAt: Date.now() + args.ttlMs }),
});

export const active = query({
  args: {},
  handler: async (ctx) => ctx.db.query("sessions").collect(),
});

// Deletes up to 100 expired sessions per run; the next run picks up the rest.
export const purgeExpired = internalMutation({
  args: {},
  handler: async (ctx) => {
    const expired = await ctx.db
      .query("sessions")
      .withIndex("by_expiry", (q) => q.lt("expiresAt", Date.now()))
      .take(100);
    for (const session of expired) await ctx.db.delete("sessions", session._id);
    console.log(`purged ${expired.length} expired sessions`);
  },
});

// Exercise: a public "Run now" button for the cleanup — and what it returns.
export const purgeNow = mutation({
  args: {},
  handler: async (ctx) => {
    // TODO: delete the expired sessions (like purgeExpired) and return how many were deleted.
    return 0;
  },
});
