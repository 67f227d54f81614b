import { defineChecks } from "../../../src/lib/checks";

type Message = { channel: string; body: string };

export default defineChecks([
  {
    name: "an empty search box lists the channel's latest messages",
    async run(client) {
      const channel = `standup-${Date.now()}`;
      await client.mutation("messages:send", { channel, body: "Shipped the billing page" });
      await client.mutation("messages:send", { channel, body: "Reviewing the search PR" });
      await client.mutation("messages:send", { channel: `${channel}-other`, body: "Lunch?" });
      let found: Message[];
      try {
        found = await client.query("messages:find", { channel, text: "" });
      } catch (error) {
        throw new Error(`messages:find with an empty text failed: ${(error as Error).message}`);
      }
      const bodies = found.map((m) => m.body);
      if (bodies.length !== 2 || bodies[0] !== "Reviewing the search PR") {
        throw new Error(`Expected the channel's two messages, newest first; got ${JSON.stringify(bodies)}.`);
      }
    },
  },
  {
    name: "a search text still finds matching messages in the channel",
    async run(client) {
      const channel = `support-${Date.now()}`;
      await client.mutation("messages:send", { channel, body: "The invoice PDF is blank" });
      await client.mutation("messages:send", { channel, body: "Password reset works now" });
      const found: Message[] = await client.query("messages:find", { channel, text: "invoice" });
      const bodies = found.map((m) => m.body);
      if (bodies.length !== 1 || bodies[0] !== "The invoice PDF is blank") {
        throw new Error(`Searching "invoice" should find the one matching message; got ${JSON.stringify(bodies)}.`);
      }
    },
  },
]);
