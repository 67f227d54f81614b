import { defineChecks } from "../../../src/lib/checks";

type Message = { body: string };
type ChannelPage = { page: Message[]; isDone: boolean; continueCursor: string; pinned: Message[] };

export default defineChecks([
  {
    name: "messages:channelPage pages through the channel and lists its pinned messages",
    async run(client) {
      const channel = `design-${Date.now()}`;
      await client.mutation("messages:send", { channel, body: "Read the style guide first", pinned: true });
      for (const body of ["New logo drafts", "Feedback by Friday", "Round two is up"]) {
        await client.mutation("messages:send", { channel, body });
      }
      let first: ChannelPage;
      try {
        first = await client.query("messages:channelPage", { channel, paginationOpts: { numItems: 2, cursor: null } });
      } catch (error) {
        throw new Error(`messages:channelPage failed: ${(error as Error).message}`);
      }
      const pinned = first.pinned.map((m) => m.body);
      if (JSON.stringify(pinned) !== JSON.stringify(["Read the style guide first"])) {
        throw new Error(`Expected the one pinned message, got ${JSON.stringify(pinned)}.`);
      }
      const second: ChannelPage = await client.query("messages:channelPage", {
        channel,
        paginationOpts: { numItems: 2, cursor: first.continueCursor },
      });
      const bodies = [...first.page, ...second.page].map((m) => m.body);
      const expected = ["Round two is up", "Feedback by Friday", "New logo drafts", "Read the style guide first"];
      if (JSON.stringify(bodies) !== JSON.stringify(expected) || !second.isDone) {
        throw new Error(`Two pages of 2 should hold the channel's 4 messages newest first; got ${JSON.stringify(bodies)}.`);
      }
    },
  },
]);
