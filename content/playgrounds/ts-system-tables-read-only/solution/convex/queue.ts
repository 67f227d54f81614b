import { query } from "./_generated/server";

// The reminders still waiting to be sent, and when they will be.
export const pending = query({
  args: {},
  handler: async (ctx) => {
    const jobs = await ctx.db.system.query("_scheduled_functions").collect();
    return jobs
      .filter((job) => job.state.kind === "pending")
      .map((job) => ({ reminderId: job.args[0].reminderId, sendAt: job.scheduledTime }));
  },
});
