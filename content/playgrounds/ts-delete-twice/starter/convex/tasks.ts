import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

// A double click on "delete" calls this twice with the same ID.
export const remove = mutation({
  args: { id: v.id("tasks") },
  handler: async (ctx, { id }) => {
    await ctx.db.delete(id);
  },
});

export const get = query({
  args: { id: v.id("tasks") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});
