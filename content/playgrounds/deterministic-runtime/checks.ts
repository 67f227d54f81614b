import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "published uses the `now` argument",
    async run(client) {
      const title = `check ${Date.now()}`;
      const inAYear = Date.now() + 365 * 24 * 3600 * 1000;
      await client.mutation("posts:schedulePost", { title, publishAt: inAYear });
      const now = await client.query("posts:published", { now: Date.now() });
      if ((now as Array<{ title: string }>).some((p) => p.title === title)) {
        throw new Error("A post scheduled a year from now is already listed as published.");
      }
      const later = await client.query("posts:published", { now: inAYear + 1000 });
      if (!(later as Array<{ title: string }>).some((p) => p.title === title)) {
        throw new Error("posts:published({ now }) with `now` a year ahead does not list the post scheduled for then: the query ignores `now`.");
      }
    },
  },
]);
