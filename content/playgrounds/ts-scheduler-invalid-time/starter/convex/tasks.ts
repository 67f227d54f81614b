import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

// Saves the task and schedules a reminder for its deadline.
export const create = mutation({
  args: { title: v.string(), dueAt: v.number() },
  handler: async (ctx, { title, dueAt }) => {
    const taskId = await ctx.db.insert("tasks", { title, dueAt });
    // Negative when the deadline has already passed (an overdue task imported late).
    const delay = dueAt - Date.now();
    await ctx.scheduler.runAfter(delay, internal.reminders.send, { taskId });
    return taskId;
  },
});

export const get = query({
  args: { taskId: v.id("tasks") },
  handler: async (ctx, { taskId }) => await ctx.db.get(taskId),
});
