import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "the app can call messages:list",
    async run(client) {
      await client.mutation("messages:send", { author: "check", body: "hello" });
      let messages: unknown;
      try {
        messages = await client.query("messages:list", {});
      } catch (error) {
        throw new Error(`Calling messages:list from a client failed: ${(error as Error).message}`);
      }
      if (!Array.isArray(messages) || messages.length === 0) {
        throw new Error("messages:list should return the messages that were sent.");
      }
    },
  },
]);
