import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "tasks:get returns the stored task",
    async run(client) {
      const id = await client.mutation("tasks:add", { text: "buy milk" });
      let task: { text?: string } | null;
      try {
        task = await client.query("tasks:get", { id });
      } catch (error) {
        throw new Error(`tasks:get failed: ${(error as Error).message}`);
      }
      if (task?.text !== "buy milk") throw new Error("tasks:get should return the task that was added.");
    },
  },
]);
