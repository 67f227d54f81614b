import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "remaining counts the todos that are not done",
    async run(client) {
      const before = await client.query("todos:remaining", {});
      if (typeof before !== "number") throw new Error(`todos:remaining returned ${JSON.stringify(before)}; it should return a number.`);
      const a = await client.mutation("todos:add", { text: "check a" });
      await client.mutation("todos:add", { text: "check b" });
      const afterAdd = await client.query("todos:remaining", {});
      if (afterAdd !== before + 2) throw new Error(`After adding two todos, remaining went from ${before} to ${afterAdd}; expected ${before + 2}.`);
      await client.mutation("todos:setDone", { id: a, done: true });
      const afterDone = await client.query("todos:remaining", {});
      if (afterDone !== before + 1) throw new Error(`After finishing one of them, remaining is ${afterDone}; expected ${before + 1}.`);
    },
  },
]);
