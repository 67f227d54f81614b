import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { title: v.string(), author: v.string(), isbn: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db.insert("books", args);
  },
});

// One document by ID: null when it does not exist (or was deleted).
export const get = query({
  args: { id: v.id("books") },
  handler: async (ctx, args) => {
    return await ctx.db.get("books", args.id);
  },
});

// Every document, oldest first (the default order is by _creationTime).
export const all = query({
  args: {},
  handler: async (ctx) => {
    return await ctx.db.query("books").collect();
  },
});

// At most one document: unique() throws if two books share an ISBN.
export const byIsbn = query({
  args: { isbn: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db
      .query("books")
      .withIndex("by_isbn", (q) => q.eq("isbn", args.isbn))
      .unique();
  },
});

// Exercise: the `count` most recently added books, newest first.
export const latest = query({
  args: { count: v.number() },
  handler: async (ctx, args) => {
    // TODO: order newest first and take only `count` books.
    return await ctx.db.query("books").collect();
  },
});
