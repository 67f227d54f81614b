import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "queue:pending lists a reminder scheduled for later",
    async run(client) {
      const before = Date.now();
      const reminderId = await client.mutation("reminders:schedule", { text: "call the dentist", inMinutes: 60 });
      let pending: Array<{ reminderId: string; sendAt: number }>;
      try {
        pending = await client.query("queue:pending");
      } catch (error) {
        throw new Error(`queue:pending failed: ${(error as Error).message}`);
      }
      const entry = pending.find((item) => item.reminderId === reminderId);
      if (entry === undefined) throw new Error(`queue:pending should list the new reminder, got ${JSON.stringify(pending)}.`);
      if (entry.sendAt < before + 59 * 60_000) throw new Error(`The reminder should be sent in an hour, sendAt is ${entry.sendAt}.`);
    },
  },
]);
