import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "tasks:add stores a task with only a text",
    async run(client) {
      let id: string;
      try {
        id = await client.mutation("tasks:add", { text: "write the report" });
      } catch (error) {
        throw new Error(`tasks:add failed: ${(error as Error).message}`);
      }
      const task = await client.query("tasks:get", { id });
      if (task === null || typeof task.priority !== "number") {
        throw new Error("The stored task should have a numeric priority, as the schema requires.");
      }
    },
  },
]);
