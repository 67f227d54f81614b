import { v } from "convex/values";
import { GenericId } from "convex/values";
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

// No `args`: anyone on the internet can call this with any value. The type
// annotation below is only a promise to TypeScript, nothing checks it.
export const remove = mutation(async (ctx, { id }: { id: GenericId<"tasks"> }) => {
  await ctx.db.delete(id);
});
