import { v } from "convex/values";
import { internalQuery, mutation } from "./_generated/server";

export const send = mutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("messages", args),
});

// The web app shows this list with useQuery(api.messages.list), but it was
// defined as an internal query: only other Convex functions may call it.
export const list = internalQuery({
  args: {},
  handler: async (ctx) => await ctx.db.query("messages").order("desc").take(20),
});
