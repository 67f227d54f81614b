import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "topScores returns the game's scores at or above min, highest first",
    async run(client) {
      const game = `check-${Date.now()}`;
      for (const score of [5, 50, 20, 80, 19]) {
        await client.mutation("scores:add", { game, player: `p${score}`, score });
      }
      await client.mutation("scores:add", { game: `${game}-other`, player: "elsewhere", score: 99 });
      const got = await client.query("scores:topScores", { game, min: 20 });
      const want = [80, 50, 20];
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(`topScores({ min: 20 }) returned ${JSON.stringify(got)}; expected ${JSON.stringify(want)} (highest first, only this game).`);
      }
    },
  },
]);
