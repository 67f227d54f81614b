import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "polls:tally returns the votes per choice",
    async run(client) {
      const poll = `lunch-${Date.now()}`;
      for (const choice of ["ramen", "tacos", "ramen"]) await client.mutation("votes:cast", { poll, choice });
      let tally: { total: number; counts: Record<string, number> };
      try {
        tally = await client.query("polls:tally", { poll });
      } catch (error) {
        throw new Error(`polls:tally failed: ${(error as Error).message}`);
      }
      if (tally.total !== 3 || tally.counts.ramen !== 2 || tally.counts.tacos !== 1) {
        throw new Error(`Expected 3 votes, 2 for ramen and 1 for tacos, got ${JSON.stringify(tally)}.`);
      }
    },
  },
]);
