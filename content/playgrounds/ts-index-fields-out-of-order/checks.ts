import { defineChecks } from "../../../src/lib/checks";

const DAY = 24 * 60 * 60 * 1000;

export default defineChecks([
  {
    name: "tasks:dueBetween returns the owner's tasks due in the week, soonest first",
    async run(client) {
      const owner = `owner-${Date.now()}`;
      const monday = Date.UTC(2026, 0, 5);
      await client.mutation("tasks:add", { owner, title: "Friday review", due: monday + 4 * DAY });
      await client.mutation("tasks:add", { owner, title: "Monday standup", due: monday });
      await client.mutation("tasks:add", { owner, title: "Next week's demo", due: monday + 7 * DAY });
      await client.mutation("tasks:add", { owner: `${owner}-other`, title: "Someone else's task", due: monday + DAY });
      let tasks: Array<{ title: string }>;
      try {
        tasks = await client.query("tasks:dueBetween", { owner, from: monday, to: monday + 7 * DAY });
      } catch (error) {
        throw new Error(`tasks:dueBetween failed: ${(error as Error).message}`);
      }
      const titles = tasks.map((t) => t.title);
      if (JSON.stringify(titles) !== JSON.stringify(["Monday standup", "Friday review"])) {
        throw new Error(`Expected ["Monday standup", "Friday review"], got ${JSON.stringify(titles)}.`);
      }
    },
  },
]);
