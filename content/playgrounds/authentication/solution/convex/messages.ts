import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { currentUser } from "./users";

export const list = query({
  args: {},
  handler: async (ctx) => ctx.db.query("messages").order("desc").take(50),
});

// Exercise: the author comes from the caller's identity, never from the arguments.
export const send = mutation({
  args: { body: v.string() },
  handler: async (ctx, args) => {
    const user = await currentUser(ctx);
    if (user === null) throw new Error("Not signed in: sign in to send messages.");
    return await ctx.db.insert("messages", { author: user._id, body: args.body });
  },
});
