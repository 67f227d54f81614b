import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "tasks:remove deletes a task",
    async run(client) {
      const taskId = await client.mutation("tasks:add", { text: "temporary" });
      await client.mutation("tasks:remove", { id: taskId });
    },
  },
  {
    name: "tasks:remove refuses the ID of a user",
    async run(client) {
      const userId = await client.mutation("tasks:addUser", { name: "Ada" });
      let refused = false;
      try {
        await client.mutation("tasks:remove", { id: userId });
      } catch {
        refused = true;
      }
      const user = await client.query("tasks:getUser", { id: userId });
      if (user === null) throw new Error("tasks:remove deleted a user: it accepted an ID from the wrong table. Validate its argument with v.id(\"tasks\").");
      if (!refused) throw new Error("tasks:remove should reject an ID that is not a task ID.");
    },
  },
]);
