import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "a taken name fails with data the app can act on",
    async run(client) {
      const name = `ada-${Date.now()}`;
      await client.mutation("users:register", { name });
      let failure: unknown = null;
      try {
        await client.mutation("users:register", { name });
      } catch (error) {
        failure = error;
      }
      if (failure === null) throw new Error("Registering a taken name should fail.");
      const data = (failure as { data?: unknown }).data;
      if (typeof data !== "object" || data === null || (data as { code?: unknown }).code !== "NAME_TAKEN") {
        const seen = failure instanceof Error ? failure.message : String(failure);
        throw new Error(
          `The error reached the client without structured data (error.data is ${JSON.stringify(data)}). Throw a ConvexError({ code: "NAME_TAKEN", ... }). The client saw:\n${seen}`,
        );
      }
    },
  },
]);
