import { v } from "convex/values";
import { internalMutation, mutation, query, type MutationCtx } from "./_generated/server";

export const start = mutation({
  args: { user: v.string(), ttlMs: v.number() },
  handler: async (ctx, args) => ctx.db.insert("sessions", { user: args.user, expiresAt: Date.now() + args.ttlMs }),
});

export const active = query({
  args: {},
  handler: async (ctx) => ctx.db.query("sessions").collect(),
});

// Shared by the cron job and the button: a plain helper that takes ctx.
async function deleteExpired(ctx: MutationCtx): Promise<number> {
  const expired = await ctx.db
    .query("sessions")
    .withIndex("by_expiry", (q) => q.lt("expiresAt", Date.now()))
    .take(100);
  for (const session of expired) await ctx.db.delete("sessions", session._id);
  return expired.length;
}

// Deletes up to 100 expired sessions per run; the next run picks up the rest.
export const purgeExpired = internalMutation({
  args: {},
  handler: async (ctx) => {
    const count = await deleteExpired(ctx);
    console.log(`purged ${count} expired sessions`);
  },
});

// Exercise: a public "Run now" button for the cleanup — and what it returns.
export const purgeNow = mutation({
  args: {},
  handler: async (ctx) => deleteExpired(ctx),
});
