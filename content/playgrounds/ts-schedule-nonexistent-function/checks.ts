import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "signing up saves the user and the scheduled welcome email goes out",
    async run(client) {
      let userId: string;
      try {
        userId = await client.mutation("users:signUp", { email: `new-${Date.now()}@example.com`, name: "Ada" });
      } catch (error) {
        throw new Error(`users:signUp failed: ${(error as Error).message}`);
      }
      // The welcome email runs as a scheduled job right after the mutation commits.
      const deadline = Date.now() + 5_000;
      for (;;) {
        const user = await client.query("users:get", { userId });
        if (user === null) throw new Error("users:get found no user for the ID users:signUp returned.");
        if (typeof user.welcomedAt === "number") return;
        if (Date.now() > deadline) throw new Error("The user was saved, but emails:sendWelcome never marked them as welcomed.");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  },
]);
