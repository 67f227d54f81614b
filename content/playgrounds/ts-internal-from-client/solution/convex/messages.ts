import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("messages", args),
});

// Public: the app may call it. Everything it returns is meant for every visitor.
export const list = query({
  args: {},
  handler: async (ctx) => await ctx.db.query("messages").order("desc").take(20),
});
