import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { owner: v.string(), text: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("tasks", args),
});

export const byOwner = query({
  args: { owner: v.string() },
  handler: async (ctx, { owner }) => {
    return await ctx.db
      .query("tasks")
      // @ts-expect-error The schema declares no "by_owner" index: this line is the bug.
      .withIndex("by_owner", (q) => q.eq("owner", owner))
      .collect();
  },
});
