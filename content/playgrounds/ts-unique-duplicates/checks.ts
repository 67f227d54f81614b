import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "signing up twice with one email keeps a single user",
    async run(client) {
      const email = `dup-${Date.now()}@example.com`;
      const first = await client.mutation("users:createUser", { email, name: "Ada" });
      const second = await client.mutation("users:createUser", { email, name: "Ada again" });
      let user: { _id: string } | null;
      try {
        user = await client.query("users:byEmail", { email });
      } catch (error) {
        throw new Error(`users:byEmail failed after two sign-ups with the same email: ${(error as Error).message}`);
      }
      if (user === null) throw new Error("users:byEmail found no user for an email that signed up.");
      if (first !== second) throw new Error("The second createUser call should return the existing user's ID instead of inserting a new user.");
    },
  },
]);
