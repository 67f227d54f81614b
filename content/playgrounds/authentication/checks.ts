import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "users:me is null for a caller who is not signed in",
    async run(client) {
      const me = await client.query("users:me", {});
      if (me !== null) throw new Error(`users:me returned ${JSON.stringify(me)} without any identity.`);
    },
  },
  {
    name: "send refuses callers who are not signed in",
    async run(client) {
      let result: unknown;
      let message: string | null = null;
      try {
        result = await client.mutation("messages:send", { body: "anonymous message" });
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      if (message === null) throw new Error(`messages:send stored a message from nobody (ID ${JSON.stringify(result)}).`);
      if (message.includes("ArgumentValidationError")) {
        throw new Error("messages:send still requires an `author` argument; take the author from ctx.auth instead.");
      }
    },
  },
]);
