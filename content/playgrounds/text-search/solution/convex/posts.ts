import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { channel: v.string(), body: v.string() },
  handler: async (ctx, args) => ctx.db.insert("posts", args),
});

// Exercise: posts in `channel` whose body matches `text`, most relevant first.
export const search = query({
  args: { text: v.string(), channel: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db
      .query("posts")
      .withSearchIndex("search_body", (q) => q.search("body", args.text).eq("channel", args.channel))
      .take(10);
  },
});
