import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

// Inserts a user every time it is called, even when the email is already taken.
export const createUser = mutation({
  args: { email: v.string(), name: v.string() },
  handler: async (ctx, { email, name }) => {
    return await ctx.db.insert("users", { email, name });
  },
});

// Treats the email as a key: at most one user per email.
export const byEmail = query({
  args: { email: v.string() },
  handler: async (ctx, { email }) => {
    return await ctx.db
      .query("users")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
  },
});
