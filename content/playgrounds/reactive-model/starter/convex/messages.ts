import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

// A query: reads the database and returns a value. Every client that
// subscribes to it gets a new result whenever a write changes what it read.
export const list = query({
  args: {},
  handler: async (ctx) => {
    return await ctx.db.query("messages").order("desc").take(20);
  },
});

// A mutation: the only way to write. It runs as one transaction.
export const send = mutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db.insert("messages", { author: args.author, body: args.body });
  },
});

// Exercise: return how many messages `author` has sent.
export const countByAuthor = query({
  args: { author: v.string() },
  handler: async (ctx, args) => {
    // TODO: read the messages and count the ones written by args.author.
    return 0;
  },
});
