import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "deleteAllFor removes all 250 items, a batch at a time",
    async run(client) {
      const owner = `check-${Date.now()}`;
      await client.mutation("cleanup:seed", { owner, count: 250 });
      await client.mutation("cleanup:seed", { owner: `${owner}-keep`, count: 3 });
      await client.mutation("cleanup:deleteAllFor", { owner });
      const deadline = Date.now() + 10_000;
      let left = await client.query("cleanup:count", { owner });
      while (left > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = await client.query("cleanup:count", { owner });
      }
      if (left !== 0) throw new Error(`${left} of 250 items are still there after 10 seconds: schedule the next batch while the batch is full.`);
      const kept = await client.query("cleanup:count", { owner: `${owner}-keep` });
      if (kept !== 3) throw new Error(`Another owner's items were touched: ${kept} of 3 remain.`);
    },
  },
]);
