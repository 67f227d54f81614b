import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "messages:recent returns the newest messages",
    async run(client) {
      await client.mutation("messages:send", { body: "older" });
      await client.mutation("messages:send", { body: "newer" });
      let result: Array<{ body: string }>;
      try {
        result = await client.query("messages:recent", {});
      } catch (error) {
        throw new Error(`messages:recent failed: ${(error as Error).message}`);
      }
      if (!Array.isArray(result)) throw new Error("messages:recent should return an array of messages.");
      if (result[0]?.body !== "newer") throw new Error("messages:recent should list the newest message first.");
    },
  },
]);
