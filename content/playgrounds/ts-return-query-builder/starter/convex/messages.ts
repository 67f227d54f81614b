import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const send = mutation({
  args: { body: v.string() },
  handler: async (ctx, { body }) => await ctx.db.insert("messages", { body }),
});

export const recent = query({
  args: {},
  handler: async (ctx) => {
    // Builds the query but never runs it.
    return ctx.db.query("messages").order("desc");
  },
});
