import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "purgeNow deletes expired sessions and keeps live ones",
    async run(client) {
      const user = `check-${Date.now()}`;
      await client.mutation("sessions:start", { user: `${user}-expired`, ttlMs: -60_000 });
      await client.mutation("sessions:start", { user: `${user}-live`, ttlMs: 3_600_000 });
      const deleted = await client.mutation("sessions:purgeNow", {});
      const users = ((await client.query("sessions:active", {})) as Array<{ user: string }>).map((s) => s.user);
      if (users.includes(`${user}-expired`)) throw new Error("The expired session is still there after sessions:purgeNow.");
      if (!users.includes(`${user}-live`)) throw new Error("sessions:purgeNow deleted a session that has not expired.");
      if (typeof deleted !== "number" || deleted < 1) throw new Error(`sessions:purgeNow should return how many sessions it deleted; it returned ${JSON.stringify(deleted)}.`);
    },
  },
]);
