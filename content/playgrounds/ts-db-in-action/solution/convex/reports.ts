import { v } from "convex/values";
import { action, internalQuery, mutation } from "./_generated/server";
import { internal } from "./_generated/api";

export const addTask = mutation({
  args: { text: v.string(), done: v.boolean() },
  handler: async (ctx, args) => await ctx.db.insert("tasks", args),
});

// The database read lives in a query...
export const taskCounts = internalQuery({
  args: {},
  handler: async (ctx) => {
    const tasks = await ctx.db.query("tasks").collect();
    return { total: tasks.length, open: tasks.filter((task) => !task.done).length };
  },
});

// ...and the action calls it.
export const summarize = action({
  args: {},
  handler: async (ctx): Promise<string> => {
    const { total, open } = await ctx.runQuery(internal.reports.taskCounts, {});
    return `${open} of ${total} tasks open`;
  },
});
