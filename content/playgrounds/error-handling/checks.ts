import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "buying more seats than are left throws ConvexError data { code: \"SOLD_OUT\", seatsLeft }",
    async run(client) {
      const event = `check-${Date.now()}`;
      await client.mutation("tickets:createEvent", { name: event, seats: 2 });
      let caught: unknown = null;
      try {
        await client.mutation("tickets:buy", { event, quantity: 3 });
      } catch (error) {
        caught = error;
      }
      if (caught === null) throw new Error("Buying 3 of 2 seats succeeded; it should fail.");
      const data = (caught as { data?: unknown }).data as { code?: unknown; seatsLeft?: unknown } | undefined;
      if (data === undefined) {
        throw new Error("The error reached the client without data: throw new ConvexError({ code: \"SOLD_OUT\", seatsLeft }) instead of new Error(...).");
      }
      if (data.code !== "SOLD_OUT" || data.seatsLeft !== 2) {
        throw new Error(`The error data is ${JSON.stringify(data)}; expected { code: "SOLD_OUT", seatsLeft: 2 }.`);
      }
    },
  },
  {
    name: "a failed purchase leaves the seats untouched",
    async run(client) {
      const event = `check-keep-${Date.now()}`;
      await client.mutation("tickets:createEvent", { name: event, seats: 1 });
      await client.mutation("tickets:buy", { event, quantity: 5 }).catch(() => undefined);
      const left = await client.query("tickets:seatsLeft", { event });
      if (left !== 1) throw new Error(`After a failed purchase, ${left} seats are left instead of 1.`);
    },
  },
]);
