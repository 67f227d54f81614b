import { v } from "convex/values";
import { mutation } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => await ctx.db.insert("tasks", { text }),
});

// The app reads this list with useQuery, but it was defined with `mutation`.
export const list = mutation({
  args: {},
  handler: async (ctx) => await ctx.db.query("tasks").order("desc").take(50),
});
