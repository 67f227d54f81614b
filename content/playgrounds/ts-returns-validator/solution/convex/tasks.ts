import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

export const get = query({
  args: { id: v.id("tasks") },
  // A whole document: its fields plus the system fields _id and _creationTime.
  returns: v.union(
    v.null(),
    v.object({ _id: v.id("tasks"), _creationTime: v.number(), text: v.string() }),
  ),
  handler: async (ctx, { id }) => await ctx.db.get(id),
});
