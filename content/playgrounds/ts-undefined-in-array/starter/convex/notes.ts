import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { text: v.string(), tag: v.string(), extraTag: v.optional(v.string()) },
  handler: async (ctx, { text, tag, extraTag }) => {
    // When extraTag is not passed, the array is [tag, undefined].
    return await ctx.db.insert("notes", { text, tags: [tag, extraTag] as string[] });
  },
});

export const get = query({
  args: { id: v.id("notes") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});
