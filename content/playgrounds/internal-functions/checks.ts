import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "users can still register",
    async run(client) {
      const id = await client.mutation("users:register", { name: "check-user" });
      const user = await client.query("users:get", { id });
      if (user?.role !== "member") throw new Error("users:register should create a member.");
    },
  },
  {
    name: "users:setRole cannot be called from a client",
    async run(client) {
      const id = await client.mutation("users:register", { name: "check-intruder" });
      let message: string | null = null;
      try {
        await client.mutation("users:setRole", { id, role: "admin" });
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      if (message === null) throw new Error("A client just made itself an admin through users:setRole. Make setRole an internalMutation.");
      if (!message.includes("Could not find public function")) {
        throw new Error(`users:setRole failed, but not because it is internal: ${message}`);
      }
    },
  },
]);
