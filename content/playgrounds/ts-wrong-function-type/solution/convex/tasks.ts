import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

// Reads only: a query, so clients can subscribe to it.
export const list = query({
  args: {},
  handler: async (ctx) => await ctx.db.query("tasks").order("desc").take(50),
});
