import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "a note with one tag is stored",
    async run(client) {
      let id: string;
      try {
        id = await client.mutation("notes:add", { text: "hello", tag: "inbox" });
      } catch (error) {
        throw new Error(`notes:add without extraTag failed: ${(error as Error).message}`);
      }
      const note = await client.query("notes:get", { id });
      if (JSON.stringify(note?.tags) !== JSON.stringify(["inbox"])) {
        throw new Error(`The note's tags should be ["inbox"], got ${JSON.stringify(note?.tags)}.`);
      }
    },
  },
  {
    name: "a note with two tags keeps both",
    async run(client) {
      const id = await client.mutation("notes:add", { text: "hi", tag: "inbox", extraTag: "later" });
      const note = await client.query("notes:get", { id });
      if (JSON.stringify(note?.tags) !== JSON.stringify(["inbox", "later"])) {
        throw new Error(`The note's tags should be ["inbox","later"], got ${JSON.stringify(note?.tags)}.`);
      }
    },
  },
]);
