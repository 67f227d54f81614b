import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const get = query({
  args: { id: v.id("todos") },
  handler: async (ctx, args) => ctx.db.get("todos", args.id),
});

export const add = mutation({
  args: { text: v.string() },
  handler: async (ctx, args) => {
    // insert returns the new document's ID.
    return await ctx.db.insert("todos", { text: args.text, done: false });
  },
});

// patch merges: fields you pass are set, `undefined` removes a field, others stay.
export const setNote = mutation({
  args: { id: v.id("todos"), note: v.optional(v.string()) },
  handler: async (ctx, args) => {
    await ctx.db.patch("todos", args.id, { note: args.note });
  },
});

// replace overwrites every field (system fields stay).
export const reset = mutation({
  args: { id: v.id("todos"), text: v.string() },
  handler: async (ctx, args) => {
    await ctx.db.replace("todos", args.id, { text: args.text, done: false });
  },
});

// Exercise: flip `done` and return the new value.
export const toggle = mutation({
  args: { id: v.id("todos") },
  handler: async (ctx, args) => {
    // TODO: read the todo, throw if it is missing, patch `done` to the opposite value.
    return false;
  },
});

// Exercise: delete the todo.
export const remove = mutation({
  args: { id: v.id("todos") },
  handler: async (ctx, args) => {
    // TODO: delete the document.
  },
});
