import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

// Newest first. Open the preview: it re-renders whenever this result changes.
export const list = query({
  args: {},
  handler: async (ctx) => {
    return await ctx.db.query("tasks").order("desc").take(50);
  },
});

// Reads through the by_done index instead of scanning the whole table.
export const remaining = query({
  args: {},
  handler: async (ctx) => {
    const open = await ctx.db
      .query("tasks")
      .withIndex("by_done", (q) => q.eq("done", false))
      .collect();
    return open.length;
  },
});

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db.insert("tasks", { text: args.text, done: false });
  },
});

export const toggle = mutation({
  args: { id: v.id("tasks") },
  handler: async (ctx, args) => {
    const task = await ctx.db.get(args.id);
    if (task === null) throw new Error(`No task with ID ${args.id}`);
    await ctx.db.patch(args.id, { done: !task.done });
  },
});
