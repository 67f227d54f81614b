import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { owner: v.string(), title: v.string(), due: v.number() },
  handler: async (ctx, args) => await ctx.db.insert("tasks", args),
});

// The owner's tasks due in [from, to), soonest first.
export const dueBetween = query({
  args: { owner: v.string(), from: v.number(), to: v.number() },
  handler: async (ctx, { owner, from, to }) => {
    return await ctx.db
      .query("tasks")
      // @ts-expect-error The range skips "owner", the index's first field: this line is the bug.
      .withIndex("by_owner_and_due", (q) => q.gte("due", from).lt("due", to))
      .filter((q) => q.eq(q.field("owner"), owner))
      .collect();
  },
});
