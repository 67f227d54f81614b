import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

const messageValidator = v.object({
  _id: v.id("messages"),
  _creationTime: v.number(),
  author: v.string(),
  body: v.string(),
});

/** The newest messages, newest first. */
export const list = query({
  args: { limit: v.optional(v.number()) },
  returns: v.array(messageValidator),
  handler: async (ctx, { limit }) => {
    return await ctx.db.query("messages").order("desc").take(limit ?? 50);
  },
});

/** Everything one author wrote, oldest first, read through the by_author index. */
export const byAuthor = query({
  args: { author: v.string() },
  returns: v.array(messageValidator),
  handler: async (ctx, { author }) => {
    return await ctx.db
      .query("messages")
      .withIndex("by_author", (q) => q.eq("author", author))
      .collect();
  },
});

export const send = mutation({
  args: { author: v.string(), body: v.string() },
  returns: v.id("messages"),
  handler: async (ctx, { author, body }) => {
    if (body.trim() === "") throw new Error("A message needs some text.");
    return await ctx.db.insert("messages", { author, body });
  },
});
