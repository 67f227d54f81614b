import { defineChecks } from "../../../src/lib/checks";

// 22 batches of 1,500 orders: 33,000, more than one query may read (32,000 documents).
const BATCHES = 22;
const PER_BATCH = 1_500;
const CUSTOMERS = 1_000;

export default defineChecks([
  {
    name: "one customer's orders are counted and summed in a table of 33,000",
    async run(client) {
      for (let b = 0; b < BATCHES; b++) {
        await client.mutation("seed:addOrders", { from: b * PER_BATCH, count: PER_BATCH });
      }
      const customer = 7;
      let result: { count: number; sum: number };
      try {
        result = (await client.query("orders:forCustomer", { customer: `customer-${customer}` })) as typeof result;
      } catch (error) {
        throw new Error(`orders:forCustomer failed with ${BATCHES * PER_BATCH} orders in the table: ${(error as Error).message}`);
      }
      // Orders n = 7, 1007, 2007, ...: 33 of them, each totalling (n % 50) + 1.
      let count = 0;
      let sum = 0;
      for (let n = customer; n < BATCHES * PER_BATCH; n += CUSTOMERS) {
        count++;
        sum += (n % 50) + 1;
      }
      if (result.count !== count || result.sum !== sum) {
        throw new Error(`customer-${customer} has ${count} orders summing to ${sum}; the query said ${result.count} and ${result.sum}.`);
      }
    },
  },
]);
