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

// Exercise: this public mutation trusts whatever the caller sends.
// Declare `args` so that only { title: string, body: string, pinned?: boolean } is accepted.
export const create = mutation({
  handler: async (ctx, args: { title: string; body: string; pinned?: boolean }) => {
    return await ctx.db.insert("notes", {
      title: String(args.title),
      body: String(args.body),
      pinned: args.pinned === true,
    });
  },
});
