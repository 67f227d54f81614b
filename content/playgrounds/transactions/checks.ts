import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "a covered transfer moves the money",
    async run(client) {
      const from = await client.mutation("bank:openAccount", { owner: "check-a", balance: 100 });
      const to = await client.mutation("bank:openAccount", { owner: "check-b", balance: 0 });
      await client.mutation("bank:transfer", { from, to, amount: 40 });
      const [a, b] = [await client.query("bank:balance", { id: from }), await client.query("bank:balance", { id: to })];
      if (a !== 60 || b !== 40) throw new Error(`After moving 40 of 100, balances are ${a} and ${b}; expected 60 and 40.`);
    },
  },
  {
    name: "an overdraft fails and changes neither balance",
    async run(client) {
      const from = await client.mutation("bank:openAccount", { owner: "check-c", balance: 30 });
      const to = await client.mutation("bank:openAccount", { owner: "check-d", balance: 0 });
      let failed = false;
      try {
        await client.mutation("bank:transfer", { from, to, amount: 50 });
      } catch {
        failed = true;
      }
      const [a, b] = [await client.query("bank:balance", { id: from }), await client.query("bank:balance", { id: to })];
      if (!failed) throw new Error(`Transferring 50 out of an account holding 30 succeeded (balances now ${a} and ${b}); it should throw.`);
      if (a !== 30 || b !== 0) throw new Error(`The failed transfer left balances ${a} and ${b}; expected 30 and 0.`);
    },
  },
  {
    name: "ten concurrent increments all count",
    async run(client) {
      const name = `check-${Date.now()}`;
      await Promise.all(Array.from({ length: 10 }, () => client.mutation("bank:increment", { name })));
      const last = await client.mutation("bank:increment", { name });
      if (last !== 11) throw new Error(`After 10 concurrent increments and one more, the counter is ${last}; expected 11.`);
    },
  },
]);
