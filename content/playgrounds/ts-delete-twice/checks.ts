import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "removing the same task twice succeeds",
    async run(client) {
      const id = await client.mutation("tasks:add", { text: "double click" });
      await client.mutation("tasks:remove", { id });
      try {
        await client.mutation("tasks:remove", { id });
      } catch (error) {
        throw new Error(`The second tasks:remove call failed: ${(error as Error).message}`);
      }
      if ((await client.query("tasks:get", { id })) !== null) throw new Error("The task should be gone.");
    },
  },
]);
