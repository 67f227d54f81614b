import { v } from "convex/values";
import { action, internalQuery, mutation } from "./_generated/server";

export const create = mutation({
  args: { handle: v.string(), name: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("profiles", args),
});

export const byHandle = internalQuery({
  args: { handle: v.string() },
  handler: async (ctx, { handle }) =>
    await ctx.db
      .query("profiles")
      .withIndex("by_handle", (q) => q.eq("handle", handle))
      .unique(),
});

// Opens a public profile URL as a browser would, and reports the answer.
export const openPage = action({
  args: { handle: v.string(), siteUrl: v.optional(v.string()) },
  handler: async (_ctx, { handle, siteUrl }) => {
    const response = await fetch(`${siteUrl ?? process.env.CONVEX_SITE_URL}/profiles/${handle}`);
    return { status: response.status, body: await response.text() };
  },
});
