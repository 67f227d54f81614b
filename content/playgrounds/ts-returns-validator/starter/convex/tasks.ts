import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

export const get = query({
  args: { id: v.id("tasks") },
  // Describes the task, but not every field of the returned document.
  returns: v.union(v.null(), v.object({ _id: v.id("tasks"), text: v.string() })),
  handler: async (ctx, { id }) => await ctx.db.get(id),
});
