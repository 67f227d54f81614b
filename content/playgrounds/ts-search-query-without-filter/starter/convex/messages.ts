import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { channel: v.string(), body: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("messages", args),
});

// The channel's search box: with an empty box it should list the latest messages.
export const find = query({
  args: { channel: v.string(), text: v.string() },
  handler: async (ctx, { channel, text }) => {
    return await ctx.db
      .query("messages")
      .withSearchIndex("search_body", (q) =>
        text.trim() === ""
          ? // @ts-expect-error A search expression must start with q.search(...): this branch is the bug.
            q.eq("channel", channel)
          : q.search("body", text).eq("channel", channel),
      )
      .take(20);
  },
});
