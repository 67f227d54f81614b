import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { currentUser } from "./users";

export const list = query({
  args: {},
  handler: async (ctx) => ctx.db.query("messages").order("desc").take(50),
});

// Exercise: the author comes from the caller's identity, never from the arguments.
export const send = mutation({
  args: { author: v.id("users"), body: v.string() },
  handler: async (ctx, args) => {
    // TODO: look up the signed-in user (currentUser), throw if there is none,
    // and drop the `author` argument.
    return await ctx.db.insert("messages", { author: args.author, body: args.body });
  },
});
