import { v } from "convex/values";
import { mutation } from "./_generated/server";
import { newInviteCode } from "./model/inviteCode";

export const create = mutation({
  args: { title: v.string() },
  handler: async (ctx, { title }) => {
    // Drawn during the call: a new code for every room.
    const inviteCode = newInviteCode();
    const roomId = await ctx.db.insert("rooms", { title, inviteCode });
    return { roomId, inviteCode };
  },
});
