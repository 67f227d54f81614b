import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "a task with priority \"high\" is stored",
    async run(client) {
      const id = await client.mutation("tasks:add", { text: "valid task", priority: "high" });
      if (typeof id !== "string") throw new Error("tasks:add should return the new document's ID.");
    },
  },
  {
    name: "a task with an unknown priority is rejected",
    async run(client) {
      let stored = false;
      try {
        await client.mutation("tasks:add", { text: "invalid task", priority: "urgent" });
        stored = true;
      } catch {
        // Rejected by the schema (or by the argument validator): that is the goal.
      }
      if (stored) {
        throw new Error('tasks:add stored a task with priority "urgent". Make the schema accept only "low", "medium" and "high".');
      }
    },
  },
]);
