import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

// Enforces "one user per email" where the data is written. The check and the
// insert are one transaction, so two concurrent sign-ups cannot both insert.
export const createUser = mutation({
  args: { email: v.string(), name: v.string() },
  handler: async (ctx, { email, name }) => {
    const existing = await ctx.db
      .query("users")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
    if (existing !== null) return existing._id;
    return await ctx.db.insert("users", { email, name });
  },
});

export const byEmail = query({
  args: { email: v.string() },
  handler: async (ctx, { email }) => {
    return await ctx.db
      .query("users")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
  },
});
