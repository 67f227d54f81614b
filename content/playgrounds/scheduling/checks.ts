import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "placing an order schedules sendConfirmation",
    async run(client) {
      const orderId = await client.mutation("orders:place", { email: "check@example.com", item: "check item" });
      const status = await client.query("orders:confirmationStatus", { orderId });
      if (status === null) {
        throw new Error("The order has no confirmationJob. Schedule the email with ctx.scheduler.runAfter(0, ...) and store the returned ID.");
      }
      if (!String(status.name).includes("sendConfirmation")) {
        throw new Error(`The scheduled job runs ${status.name}, not orders:sendConfirmation.`);
      }
      const deadline = Date.now() + 15_000;
      let state = status.state;
      while (state !== "success" && Date.now() < deadline) {
        if (state === "failed" || state === "canceled") throw new Error(`The confirmation job ended as "${state}".`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        state = (await client.query("orders:confirmationStatus", { orderId }))?.state;
      }
      if (state !== "success") throw new Error(`The confirmation job is still "${state}" after 15 seconds.`);
    },
  },
]);
