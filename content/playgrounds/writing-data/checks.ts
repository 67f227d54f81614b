import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "toggle flips done and returns the new value",
    async run(client) {
      const id = await client.mutation("todos:add", { text: "check toggle" });
      const first = await client.mutation("todos:toggle", { id });
      const afterFirst = await client.query("todos:get", { id });
      if (first !== true || afterFirst?.done !== true) {
        throw new Error(`After one toggle, expected done: true (returned ${JSON.stringify(first)}, stored ${JSON.stringify(afterFirst?.done)}).`);
      }
      const second = await client.mutation("todos:toggle", { id });
      const afterSecond = await client.query("todos:get", { id });
      if (second !== false || afterSecond?.done !== false) {
        throw new Error("A second toggle should set done back to false.");
      }
      if (afterSecond?.text !== "check toggle") throw new Error("toggle must keep the other fields (use patch, not replace).");
    },
  },
  {
    name: "remove deletes the todo",
    async run(client) {
      const id = await client.mutation("todos:add", { text: "check remove" });
      await client.mutation("todos:remove", { id });
      const after = await client.query("todos:get", { id });
      if (after !== null) throw new Error("todos:get still finds the todo after todos:remove.");
    },
  },
]);
