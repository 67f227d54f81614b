import type { QueryCtx } from "../_generated/server";

// Counts a poll's votes per choice.
export async function countVotes(ctx: QueryCtx, poll: string) {
  const votes = await ctx.db
    .query("votes")
    .withIndex("by_poll", (q) => q.eq("poll", poll))
    .collect();
  const counts = new Map<string, number>();
  for (const { choice } of votes) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  return { total: votes.length, counts };
}
