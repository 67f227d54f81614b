import { v } from "convex/values";
import { query } from "./_generated/server";

export const byEmail = query({
  args: { email: v.string() },
  handler: async (ctx, { email }) =>
    await ctx.db
      .query("contacts")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique(),
});
