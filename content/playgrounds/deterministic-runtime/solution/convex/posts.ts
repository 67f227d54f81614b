import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const schedulePost = mutation({
  args: { title: v.string(), publishAt: v.number() },
  handler: async (ctx, args) => ctx.db.insert("posts", args),
});

// Exercise: posts published at or before `now`, newest first.
// Reading the clock inside a query makes the result depend on when the query
// last ran, not on the data: it will not update as time passes. Let the
// caller pass the time instead.
export const published = query({
  args: { now: v.number() },
  handler: async (ctx, args) => {
    return await ctx.db
      .query("posts")
      .withIndex("by_publishAt", (q) => q.lte("publishAt", args.now))
      .order("desc")
      .take(20);
  },
});
