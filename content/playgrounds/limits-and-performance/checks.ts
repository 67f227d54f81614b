import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "deleteAllFor removes all 250 items, a batch at a time",
    async run(client) {
      const owner = `check-${Date.now()}`;
      await client.mutation("cleanup:seed", { owner, count: 250 });
      await client.mutation("cleanup:seed", { owner: `${owner}-keep`, count: 3 });
      await client.mutation("cleanup:deleteAllFor", { owner });
      // Wait while the count keeps going down; give up once it has stood still for 5 seconds.
      let left = await client.query("cleanup:count", { owner });
      let lastProgress = Date.now();
      while (left > 0 && Date.now() - lastProgress < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await client.query("cleanup:count", { owner });
        if (now < left) lastProgress = Date.now();
        left = now;
      }
      if (left !== 0) throw new Error(`${left} of 250 items are still there and nothing more is being deleted: schedule the next batch while the batch is full.`);
      const kept = await client.query("cleanup:count", { owner: `${owner}-keep` });
      if (kept !== 3) throw new Error(`Another owner's items were touched: ${kept} of 3 remain.`);
    },
  },
]);
