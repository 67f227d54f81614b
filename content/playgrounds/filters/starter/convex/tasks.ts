import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: {
    project: v.string(),
    title: v.string(),
    priority: v.number(),
    done: v.boolean(),
    assignee: v.optional(v.string()),
  },
  handler: async (ctx, args) => {
    return await ctx.db.insert("tasks", args);
  },
});

// Tasks nobody has taken yet: a missing field compares equal to undefined.
export const unassigned = query({
  args: { project: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db
      .query("tasks")
      .withIndex("by_project", (q) => q.eq("project", args.project))
      .filter((q) => q.eq(q.field("assignee"), undefined))
      .collect();
  },
});

// Exercise: open tasks (done is false) in `project` whose priority is at least `minPriority`.
export const urgentOpen = query({
  args: { project: v.string(), minPriority: v.number() },
  handler: async (ctx, args) => {
    // TODO: add a filter for done === false and priority >= minPriority.
    return await ctx.db
      .query("tasks")
      .withIndex("by_project", (q) => q.eq("project", args.project))
      .collect();
  },
});
