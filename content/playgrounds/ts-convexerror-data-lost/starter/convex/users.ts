import { v } from "convex/values";
import { mutation } from "./_generated/server";

export const register = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const taken = await ctx.db
      .query("users")
      .withIndex("by_name", (q) => q.eq("name", name))
      .first();
    if (taken !== null) {
      // A plain Error: the client gets a message meant for developers
      // (and in production only "Server Error"), with no data to act on.
      throw new Error(`The name ${name} is taken`);
    }
    return await ctx.db.insert("users", { name });
  },
});
