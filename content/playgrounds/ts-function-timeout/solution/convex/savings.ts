import { v } from "convex/values";
import { query } from "./_generated/server";

// How many monthly deposits it takes to reach a savings goal; null if it is never reached.
export const monthsToGoal = query({
  args: { target: v.number(), saved: v.number(), monthly: v.number() },
  handler: async (_ctx, { target, saved, monthly }) => {
    const missing = target - saved;
    if (missing <= 0) return 0;
    if (monthly <= 0) return null;
    // Computed directly: no loop whose length depends on the input.
    return Math.ceil(missing / monthly);
  },
});
