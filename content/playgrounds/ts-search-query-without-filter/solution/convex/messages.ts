import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { channel: v.string(), body: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("messages", args),
});

// The channel's search box: with an empty box it lists the latest messages.
export const find = query({
  args: { channel: v.string(), text: v.string() },
  handler: async (ctx, { channel, text }) => {
    if (text.trim() === "") {
      // Nothing to rank by: read the channel through a normal index instead.
      return await ctx.db
        .query("messages")
        .withIndex("by_channel", (q) => q.eq("channel", channel))
        .order("desc")
        .take(20);
    }
    return await ctx.db
      .query("messages")
      .withSearchIndex("search_body", (q) => q.search("body", text).eq("channel", channel))
      .take(20);
  },
});
