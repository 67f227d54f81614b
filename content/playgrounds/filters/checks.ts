import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "urgentOpen keeps only open tasks at or above minPriority",
    async run(client) {
      const project = `check-${Date.now()}`;
      const tasks = [
        { title: "open high", priority: 5, done: false },
        { title: "open at threshold", priority: 3, done: false },
        { title: "open low", priority: 1, done: false },
        { title: "done high", priority: 5, done: true },
      ];
      for (const task of tasks) await client.mutation("tasks:add", { project, ...task });
      const got = await client.query("tasks:urgentOpen", { project, minPriority: 3 });
      const titles = (got as Array<{ title: string }>).map((t) => t.title).sort();
      const want = ["open at threshold", "open high"];
      if (JSON.stringify(titles) !== JSON.stringify(want)) {
        throw new Error(`urgentOpen({ minPriority: 3 }) returned ${JSON.stringify(titles)}; expected ${JSON.stringify(want)}.`);
      }
    },
  },
]);
