import { v } from "convex/values";
import { action, mutation } from "./_generated/server";

export const addTask = mutation({
  args: { text: v.string(), done: v.boolean() },
  handler: async (ctx, args) => await ctx.db.insert("tasks", args),
});

// An action (it might call an external API later), reading the database directly.
export const summarize = action({
  args: {},
  handler: async (ctx): Promise<string> => {
    // @ts-expect-error An action's ctx has no db: this line is the bug.
    const tasks: Array<{ done: boolean }> = await ctx.db.query("tasks").collect();
    const open = tasks.filter((task) => !task.done).length;
    return `${open} of ${tasks.length} tasks open`;
  },
});
