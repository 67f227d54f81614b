import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "placing an order succeeds and saves it",
    async run(client) {
      let orderId: string;
      try {
        orderId = await client.mutation("orders:place", { item: "teapot", email: "ada@example.com" });
      } catch (error) {
        throw new Error(`orders:place failed: ${(error as Error).message}`);
      }
      const order = await client.query("orders:get", { orderId });
      if (order === null || order.item !== "teapot") throw new Error("orders:get should return the order that was placed.");
    },
  },
]);
