import { v } from "convex/values";
import { mutation } from "./_generated/server";
import { newInviteCode } from "./model/inviteCode";

// Drawn once, while Convex loads this module: every room of this push gets it.
const inviteCode = newInviteCode();

export const create = mutation({
  args: { title: v.string() },
  handler: async (ctx, { title }) => {
    const roomId = await ctx.db.insert("rooms", { title, inviteCode });
    return { roomId, inviteCode };
  },
});
