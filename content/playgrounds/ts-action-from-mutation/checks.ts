import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "signing up stores the user",
    async run(client) {
      let userId: string;
      try {
        userId = await client.mutation("users:signUp", { email: "ada@example.com" });
      } catch (error) {
        throw new Error(`users:signUp failed: ${(error as Error).message}`);
      }
      const user = await client.query("users:get", { userId });
      if (user === null || user.email !== "ada@example.com") throw new Error("users:get should return the new user.");
    },
  },
]);
