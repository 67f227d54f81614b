import { defineChecks } from "../../../src/lib/checks";

const DEEP_PATH = "clients/acme/2026/invoices/q1/january/week-1/drafts/scans/originals";

export default defineChecks([
  {
    name: "folders:createPath creates a path ten folders deep",
    async run(client) {
      let folderId: string;
      try {
        folderId = await client.mutation("folders:createPath", { path: DEEP_PATH });
      } catch (error) {
        throw new Error(`folders:createPath failed for "${DEEP_PATH}": ${(error as Error).message}`);
      }
      const path = await client.query("browse:pathOf", { folderId });
      if (path !== DEEP_PATH) throw new Error(`The new folder's path should be "${DEEP_PATH}", got "${path}".`);
    },
  },
  {
    name: "folders:createPath reuses the folders that exist",
    async run(client) {
      const first = await client.mutation("folders:createPath", { path: "clients/globex/2026" });
      const again = await client.mutation("folders:createPath", { path: "clients/globex/2026" });
      if (first !== again) throw new Error("Creating the same path twice should return the same folder.");
    },
  },
]);
