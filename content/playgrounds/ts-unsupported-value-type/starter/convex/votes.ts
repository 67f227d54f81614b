import { v } from "convex/values";
import { mutation } from "./_generated/server";

export const cast = mutation({
  args: { poll: v.string(), choice: v.string() },
  handler: async (ctx, args) => await ctx.db.insert("votes", args),
});
