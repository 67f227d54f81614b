import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "tasks:byOwner returns only that owner's tasks",
    async run(client) {
      const owner = `owner-${Date.now()}`;
      await client.mutation("tasks:add", { owner, text: "mine" });
      await client.mutation("tasks:add", { owner: `${owner}-other`, text: "not mine" });
      let tasks: Array<{ text: string }>;
      try {
        tasks = await client.query("tasks:byOwner", { owner });
      } catch (error) {
        throw new Error(`tasks:byOwner failed: ${(error as Error).message}`);
      }
      if (tasks.length !== 1 || tasks[0].text !== "mine") {
        throw new Error(`tasks:byOwner should return exactly the owner's one task, got ${JSON.stringify(tasks)}.`);
      }
    },
  },
]);
