import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const list = query({
  args: {},
  handler: async (ctx) => ctx.db.query("todos").collect(),
});

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, args) => ctx.db.insert("todos", { text: args.text, done: false }),
});

export const setDone = mutation({
  args: { id: v.id("todos"), done: v.boolean() },
  handler: async (ctx, args) => {
    await ctx.db.patch("todos", args.id, { done: args.done });
  },
});

// Exercise: how many todos are not done yet?
export const remaining = query({
  args: {},
  handler: async (ctx) => {
    // TODO: count the todos whose `done` is false (the by_done index helps).
    return null;
  },
});
