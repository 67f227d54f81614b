import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "tasks:list can be called as a query",
    async run(client) {
      await client.mutation("tasks:add", { text: "buy milk" });
      let tasks: Array<{ text: string }>;
      try {
        tasks = await client.query("tasks:list", {});
      } catch (error) {
        throw new Error(`Calling tasks:list as a query failed: ${(error as Error).message}`);
      }
      if (tasks[0]?.text !== "buy milk") throw new Error("tasks:list should return the tasks, newest first.");
    },
  },
]);
