import { paginationOptsValidator } from "convex/server";
import { ConvexError, v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";

/** One page of tasks, newest first. */
export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    return await ctx.db.query("tasks").order("desc").paginate(paginationOpts);
  },
});

/** Open tasks, optionally only one person's, read through an index rather than a scan. */
export const open = query({
  args: { assignee: v.optional(v.string()) },
  handler: async (ctx, { assignee }) => {
    if (assignee === undefined) {
      return await ctx.db
        .query("tasks")
        .withIndex("by_completed", (q) => q.eq("isCompleted", false))
        .collect();
    }
    return await ctx.db
      .query("tasks")
      .withIndex("by_assignee_and_completed", (q) =>
        q.eq("assignee", assignee).eq("isCompleted", false),
      )
      .collect();
  },
});

export const add = mutation({
  args: { text: v.string(), assignee: v.optional(v.string()) },
  returns: v.id("tasks"),
  handler: async (ctx, { text, assignee }) => {
    return await ctx.db.insert("tasks", { text, assignee, isCompleted: false });
  },
});

export const setCompleted = mutation({
  args: { id: v.id("tasks"), isCompleted: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { id, isCompleted }) => {
    const task = await ctx.db.get(id);
    if (task === null) throw new ConvexError({ code: "NOT_FOUND", id });
    await ctx.db.patch(id, { isCompleted });
    return null;
  },
});

export const remove = mutation({
  args: { id: v.id("tasks") },
  returns: v.null(),
  handler: async (ctx, { id }) => {
    await ctx.db.delete(id);
    return null;
  },
});

/** Deletes every completed task; internal, so only other functions (or a cron) can call it. */
export const clearCompleted = internalMutation({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    const done = await ctx.db
      .query("tasks")
      .withIndex("by_completed", (q) => q.eq("isCompleted", true))
      .collect();
    for (const task of done) await ctx.db.delete(task._id);
    return done.length;
  },
});
