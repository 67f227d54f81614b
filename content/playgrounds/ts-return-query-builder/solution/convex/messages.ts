import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { body: v.string() },
  handler: async (ctx, { body }) => await ctx.db.insert("messages", { body }),
});

export const recent = query({
  args: {},
  handler: async (ctx) => {
    // take(20) runs the query and returns at most 20 documents.
    return await ctx.db.query("messages").order("desc").take(20);
  },
});
