import { v } from "convex/values";
import { query } from "./_generated/server";
import { countVotes } from "./model/tally";

// How many votes each choice of a poll has.
export const tally = query({
  args: { poll: v.string() },
  returns: v.object({ total: v.number(), counts: v.record(v.string(), v.number()) }),
  handler: async (ctx, { poll }) => {
    const { total, counts } = await countVotes(ctx, poll);
    // A Map is not a Convex value: return a plain object keyed by choice.
    return { total, counts: Object.fromEntries(counts) };
  },
});
