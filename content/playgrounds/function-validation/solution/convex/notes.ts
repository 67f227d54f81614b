import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

// Validated arguments and a validated return value.
export const get = query({
  args: { id: v.id("notes") },
  returns: v.union(
    v.object({
      _id: v.id("notes"),
      _creationTime: v.number(),
      title: v.string(),
      body: v.string(),
      pinned: v.boolean(),
    }),
    v.null(),
  ),
  handler: async (ctx, args) => ctx.db.get("notes", args.id),
});

export const create = mutation({
  args: { title: v.string(), body: v.string(), pinned: v.optional(v.boolean()) },
  returns: v.id("notes"),
  handler: async (ctx, args) => {
    return await ctx.db.insert("notes", {
      title: args.title,
      body: args.body,
      pinned: args.pinned ?? false,
    });
  },
});
