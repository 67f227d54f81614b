import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

const BATCH_SIZE = 100;

export const seed = mutation({
  args: { owner: v.string(), count: v.number() },
  handler: async (ctx, args) => {
    for (let i = 0; i < args.count; i++) {
      await ctx.db.insert("items", { owner: args.owner, payload: `item ${i}` });
    }
  },
});

export const count = query({
  args: { owner: v.string() },
  handler: async (ctx, args) => {
    const items = await ctx.db
      .query("items")
      .withIndex("by_owner", (q) => q.eq("owner", args.owner))
      .take(1000);
    return items.length;
  },
});

// How much of this query's budget one page of reading used.
export const headroom = query({
  args: { owner: v.string() },
  handler: async (ctx, args) => {
    await ctx.db
      .query("items")
      .withIndex("by_owner", (q) => q.eq("owner", args.owner))
      .take(BATCH_SIZE);
    const metrics = await ctx.meta.getTransactionMetrics();
    return { documentsRead: metrics.documentsRead, bytesRead: metrics.bytesRead };
  },
});

// The public entry point: starts the cleanup and returns at once.
export const deleteAllFor = mutation({
  args: { owner: v.string() },
  handler: async (ctx, args) => {
    await ctx.scheduler.runAfter(0, internal.cleanup.deleteBatch, { owner: args.owner });
  },
});

// Exercise: delete one batch, then schedule the next batch while items remain.
export const deleteBatch = internalMutation({
  args: { owner: v.string() },
  handler: async (ctx, args) => {
    const batch = await ctx.db
      .query("items")
      .withIndex("by_owner", (q) => q.eq("owner", args.owner))
      .take(BATCH_SIZE);
    for (const item of batch) await ctx.db.delete("items", item._id);
    if (batch.length === BATCH_SIZE) {
      await ctx.scheduler.runAfter(0, internal.cleanup.deleteBatch, { owner: args.owner });
    }
  },
});
