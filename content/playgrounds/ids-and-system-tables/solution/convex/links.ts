import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";

export const addAuthor = mutation({
  args: { name: v.string() },
  handler: async (ctx, args) => ctx.db.insert("authors", { name: args.name }),
});

export const addArticle = mutation({
  args: { title: v.string(), author: v.id("authors") },
  handler: async (ctx, args) => ctx.db.insert("articles", args),
});

// System tables are read through ctx.db.system: here, the scheduler's jobs.
export const scheduledJobs = query({
  args: {},
  handler: async (ctx) => {
    const jobs = await ctx.db.system.query("_scheduled_functions").order("desc").take(10);
    return jobs.map((job) => ({ id: job._id, name: job.name, state: job.state.kind }));
  },
});

export const remindLater = mutation({
  args: { authorId: v.id("authors") },
  // The explicit return type keeps TypeScript from inferring this module's
  // types in a circle through `internal.links`.
  handler: async (ctx, args): Promise<Id<"_scheduled_functions">> =>
    ctx.scheduler.runAfter(60_000, internal.links.remind, args),
});

export const remind = internalMutation({
  args: { authorId: v.id("authors") },
  handler: async (ctx, args) => {
    console.log(`reminding author ${args.authorId}`);
  },
});

// Exercise: IDs arrive from URLs as plain strings. Return the author named by
// `id`, or null when the string is not an ID of the authors table.
export const authorFromUrl = query({
  args: { id: v.string() },
  handler: async (ctx, args) => {
    const authorId = ctx.db.normalizeId("authors", args.id);
    if (authorId === null) return null;
    return await ctx.db.get("authors", authorId);
  },
});
