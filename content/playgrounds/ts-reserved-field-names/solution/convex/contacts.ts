import { v } from "convex/values";
import { mutation } from "./_generated/server";

interface ExportedContact {
  _id: { $oid: string };
  name: string;
  email: string;
}

// Imports the contacts exported from the old MongoDB app: one JSON document per line, like
// {"_id":{"$oid":"64b7f0c2a1e4d3b2c1a09f87"},"name":"Ada","email":"ada@example.com"}
// Mongo's `_id` and `$oid` names are reserved in Convex, so the old ID is kept as `legacyId`.
export const importExport = mutation({
  args: { lines: v.string() },
  handler: async (ctx, { lines }) => {
    let imported = 0;
    for (const line of lines.split("\n").filter((line) => line.trim() !== "")) {
      const contact = JSON.parse(line) as ExportedContact;
      await ctx.db.insert("contacts", { legacyId: contact._id.$oid, name: contact.name, email: contact.email });
      imported += 1;
    }
    return imported;
  },
});
