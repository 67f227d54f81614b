import { v } from "convex/values";
import { internalMutation } from "./_generated/server";

// Runs when the task falls due: records that its owner was reminded.
export const send = internalMutation({
  args: { taskId: v.id("tasks") },
  handler: async (ctx, { taskId }) => {
    await ctx.db.patch(taskId, { remindedAt: Date.now() });
  },
});
