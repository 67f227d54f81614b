import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string(), priority: v.optional(v.number()) },
  handler: async (ctx, { text, priority }) => {
    // Every document written must match the schema: give the new field a value.
    return await ctx.db.insert("tasks", { text, priority: priority ?? 0 });
  },
});

export const get = query({
  args: { id: v.id("tasks") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});
