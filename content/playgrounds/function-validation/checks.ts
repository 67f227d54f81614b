import { defineChecks } from "../../../src/lib/checks";

async function rejects(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export default defineChecks([
  {
    name: "valid notes are still created",
    async run(client) {
      const id = await client.mutation("notes:create", { title: "Valid", body: "A real note" });
      const note = await client.query("notes:get", { id });
      if (note?.title !== "Valid" || note?.pinned !== false) throw new Error("notes:create should store the note with pinned: false by default.");
    },
  },
  {
    name: "a number as title is refused with an ArgumentValidationError",
    async run(client) {
      const message = await rejects(() => client.mutation("notes:create", { title: 42, body: "x" }));
      if (message === null) throw new Error("notes:create accepted { title: 42 }. Declare `args` with v.string() for title.");
      if (!message.includes("ArgumentValidationError")) throw new Error(`The call failed, but not at argument validation: ${message}`);
    },
  },
  {
    name: "unexpected fields are refused",
    async run(client) {
      const message = await rejects(() => client.mutation("notes:create", { title: "t", body: "b", isAdmin: true }));
      if (message === null) throw new Error("notes:create accepted an extra field `isAdmin`. With `args` declared, extra fields are rejected.");
    },
  },
]);
