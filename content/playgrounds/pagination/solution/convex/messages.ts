import { v } from "convex/values";
import { paginationOptsValidator } from "convex/server";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { channel: v.string(), body: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db.insert("messages", args);
  },
});

export const seed = mutation({
  args: { channel: v.string(), count: v.number() },
  handler: async (ctx, args) => {
    for (let i = 1; i <= args.count; i++) {
      await ctx.db.insert("messages", { channel: args.channel, body: `message ${i}` });
    }
  },
});

// Every message of every channel, a page at a time, newest first.
export const listAll = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, args) => {
    return await ctx.db.query("messages").order("desc").paginate(args.paginationOpts);
  },
});

// Exercise: one channel's messages, newest first, a page at a time.
export const listChannel = query({
  args: { channel: v.string(), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args) => {
    return await ctx.db
      .query("messages")
      .withIndex("by_channel", (q) => q.eq("channel", args.channel))
      .order("desc")
      .paginate(args.paginationOpts);
  },
});
