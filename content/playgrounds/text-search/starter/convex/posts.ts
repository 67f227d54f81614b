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
    // TODO: use withSearchIndex instead of scanning and comparing whole strings.
    const posts = await ctx.db.query("posts").collect();
    return posts.filter((post) => post.body === args.text);
  },
});
