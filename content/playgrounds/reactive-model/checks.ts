import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "countByAuthor counts only that author's messages",
    async run(client) {
      const author = `check-${Date.now()}`;
      const before = await client.query("messages:countByAuthor", { author });
      if (before !== 0) throw new Error(`Expected 0 messages from a new author, got ${JSON.stringify(before)}.`);
      await client.mutation("messages:send", { author, body: "one" });
      await client.mutation("messages:send", { author, body: "two" });
      await client.mutation("messages:send", { author: `${author}-other`, body: "not mine" });
      const after = await client.query("messages:countByAuthor", { author });
      if (after !== 2) {
        throw new Error(`After sending two messages as "${author}", countByAuthor returned ${JSON.stringify(after)} instead of 2.`);
      }
    },
  },
]);
