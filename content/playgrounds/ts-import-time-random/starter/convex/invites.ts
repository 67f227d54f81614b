import { v } from "convex/values";
import { query } from "./_generated/server";

export const byInviteCode = query({
  args: { inviteCode: v.string() },
  handler: async (ctx, { inviteCode }) => {
    return await ctx.db
      .query("rooms")
      .withIndex("by_invite_code", (q) => q.eq("inviteCode", inviteCode))
      .collect();
  },
});
