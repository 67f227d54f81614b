import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";

export const latest = internalQuery({
  args: {},
  handler: async (ctx) => ctx.db.query("messages").order("desc").take(10),
});

export const post = internalMutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, args) => ctx.db.insert("messages", args),
});
