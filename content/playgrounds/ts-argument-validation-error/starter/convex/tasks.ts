import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

// The task page passes the ID from its URL, /tasks/<id>, as it is.
export const get = query({
  args: { id: v.id("tasks") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});
