import { defineChecks } from "../../../src/lib/checks";

const EXPORT = [
  '{"_id":{"$oid":"64b7f0c2a1e4d3b2c1a09f87"},"name":"Ada Lovelace","email":"ada@example.com"}',
  '{"_id":{"$oid":"64b7f0c2a1e4d3b2c1a09f88"},"name":"Grace Hopper","email":"grace@example.com"}',
].join("\n");

export default defineChecks([
  {
    name: "contacts:importExport imports a MongoDB export and keeps each old ID",
    async run(client) {
      let imported: number;
      try {
        imported = await client.mutation("contacts:importExport", { lines: EXPORT });
      } catch (error) {
        throw new Error(`contacts:importExport failed: ${(error as Error).message}`);
      }
      if (imported !== 2) throw new Error(`The export holds 2 contacts, contacts:importExport reported ${imported}.`);
      const grace = await client.query("directory:byEmail", { email: "grace@example.com" });
      if (grace?.name !== "Grace Hopper" || grace?.legacyId !== "64b7f0c2a1e4d3b2c1a09f88") {
        throw new Error(`Grace's contact should keep her old ID as legacyId, got ${JSON.stringify(grace)}.`);
      }
    },
  },
]);
