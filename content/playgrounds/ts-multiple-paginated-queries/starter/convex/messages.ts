import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { channel: v.string(), body: v.string(), pinned: v.optional(v.boolean()) },
  handler: async (ctx, { channel, body, pinned }) => await ctx.db.insert("messages", { channel, body, pinned: pinned ?? false }),
});

// One page of the channel, newest first, plus the pinned messages shown above it.
export const channelPage = query({
  args: { channel: v.string(), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { channel, paginationOpts }) => {
    // A second paginate() in the same function: this is the bug.
    const pinned = await ctx.db
      .query("messages")
      .withIndex("by_channel_and_pinned", (q) => q.eq("channel", channel).eq("pinned", true))
      .paginate({ numItems: 3, cursor: null });
    const page = await ctx.db
      .query("messages")
      .withIndex("by_channel", (q) => q.eq("channel", channel))
      .order("desc")
      .paginate(paginationOpts);
    return { ...page, pinned: pinned.page };
  },
});
