import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "search finds posts by a word, in the given channel only",
    async run(client) {
      const word = `zebra${Date.now().toString(36)}`;
      const channel = `check-${word}`;
      await client.mutation("posts:add", { channel, body: `The ${word} crossed the road` });
      await client.mutation("posts:add", { channel, body: `Nothing to see here` });
      await client.mutation("posts:add", { channel: `${channel}-other`, body: `Another ${word} elsewhere` });
      const found = (await client.query("posts:search", { text: word.toUpperCase(), channel })) as Array<{ body: string; channel: string }>;
      if (found.length !== 1) {
        throw new Error(`Searching "${word.toUpperCase()}" in ${channel} returned ${found.length} posts; expected the one post containing that word (search is case-insensitive).`);
      }
      if (found[0].channel !== channel) throw new Error("search returned a post from another channel.");
    },
  },
  {
    name: "the last word matches as a prefix",
    async run(client) {
      const word = `quokka${Date.now().toString(36)}`;
      const channel = `check-${word}`;
      await client.mutation("posts:add", { channel, body: `A happy ${word} smiles` });
      const prefix = word.slice(0, 9);
      const found = await client.query("posts:search", { text: prefix, channel });
      if (found.length !== 1) throw new Error(`Searching "${prefix}" should find "${word}" by prefix; it returned ${found.length} posts.`);
    },
  },
]);
