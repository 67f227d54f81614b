import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

// The task page passes the ID from its URL, /tasks/<id>, as it is: any string.
// A string that is not the ID of a task gives null (the page shows "not found").
export const get = query({
  args: { id: v.string() },
  handler: async (ctx, { id }) => {
    const taskId = ctx.db.normalizeId("tasks", id);
    return taskId === null ? null : await ctx.db.get(taskId);
  },
});
