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
    // Equality on the first field, then one range on the next: one contiguous stretch of the index.
    return await ctx.db
      .query("tasks")
      .withIndex("by_owner_and_due", (q) => q.eq("owner", owner).gte("due", from).lt("due", to))
      .collect();
  },
});
