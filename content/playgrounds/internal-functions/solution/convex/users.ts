import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";

export const register = mutation({
  args: { name: v.string() },
  handler: async (ctx, args) => ctx.db.insert("users", { name: args.name, role: "member" }),
});

export const get = query({
  args: { id: v.id("users") },
  handler: async (ctx, args) => ctx.db.get("users", args.id),
});

// Internal: reachable as internal.users.setRole from functions, crons and the scheduler.
export const setRole = internalMutation({
  args: { id: v.id("users"), role: v.union(v.literal("member"), v.literal("admin")) },
  handler: async (ctx, args) => {
    await ctx.db.patch("users", args.id, { role: args.role });
  },
});
