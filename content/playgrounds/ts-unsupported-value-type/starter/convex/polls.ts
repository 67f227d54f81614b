import { v } from "convex/values";
import { query } from "./_generated/server";
import { countVotes } from "./model/tally";

// How many votes each choice of a poll has.
export const tally = query({
  args: { poll: v.string() },
  handler: async (ctx, { poll }) => await countVotes(ctx, poll),
});
