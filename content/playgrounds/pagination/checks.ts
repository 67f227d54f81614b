import { defineChecks } from "../../../src/lib/checks";

type Page = { page: Array<{ body: string; channel: string }>; isDone: boolean; continueCursor: string };

export default defineChecks([
  {
    name: "listChannel pages through one channel, newest first",
    async run(client) {
      const channel = `check-${Date.now()}`;
      await client.mutation("messages:seed", { channel, count: 5 });
      await client.mutation("messages:send", { channel: `${channel}-other`, body: "other channel" });
      const bodies: string[] = [];
      let cursor: string | null = null;
      for (let round = 0; round < 5; round++) {
        const result: Page = await client.query("messages:listChannel", { channel, paginationOpts: { numItems: 2, cursor } });
        if (result.page.length > 2) {
          throw new Error(`Asked for 2 items and got ${result.page.length}: pass args.paginationOpts to .paginate().`);
        }
        bodies.push(...result.page.map((m) => m.body));
        if (result.isDone) break;
        cursor = result.continueCursor;
      }
      const want = ["message 5", "message 4", "message 3", "message 2", "message 1"];
      if (JSON.stringify(bodies) !== JSON.stringify(want)) {
        throw new Error(`Paging through the channel gave ${JSON.stringify(bodies)}; expected ${JSON.stringify(want)}.`);
      }
    },
  },
]);
