import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

export const addUser = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => await ctx.db.insert("users", { name }),
});

export const getUser = query({
  args: { id: v.id("users") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});

// Validated: only an ID of the "tasks" table gets through.
export const remove = mutation({
  args: { id: v.id("tasks") },
  handler: async (ctx, { id }) => {
    await ctx.db.delete(id);
  },
});
