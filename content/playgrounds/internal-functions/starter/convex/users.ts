import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const register = mutation({
  args: { name: v.string() },
  handler: async (ctx, args) => ctx.db.insert("users", { name: args.name, role: "member" }),
});

export const get = query({
  args: { id: v.id("users") },
  handler: async (ctx, args) => ctx.db.get("users", args.id),
});

// Exercise: anybody can call this and make themselves an admin.
// Make it internal: callable from your own functions, crons and the scheduler only.
export const setRole = mutation({
  args: { id: v.id("users"), role: v.union(v.literal("member"), v.literal("admin")) },
  handler: async (ctx, args) => {
    await ctx.db.patch("users", args.id, { role: args.role });
  },
});
