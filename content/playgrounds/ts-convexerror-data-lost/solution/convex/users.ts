import { ConvexError, v } from "convex/values";
import { mutation } from "./_generated/server";

export const register = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const taken = await ctx.db
      .query("users")
      .withIndex("by_name", (q) => q.eq("name", name))
      .first();
    if (taken !== null) {
      // An expected failure: its data reaches the client as error.data.
      throw new ConvexError({ code: "NAME_TAKEN", name });
    }
    return await ctx.db.insert("users", { name });
  },
});
