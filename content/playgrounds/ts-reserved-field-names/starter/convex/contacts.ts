import { v } from "convex/values";
import { mutation } from "./_generated/server";

// Imports the contacts exported from the old MongoDB app: one JSON document per line, like
// {"_id":{"$oid":"64b7f0c2a1e4d3b2c1a09f87"},"name":"Ada","email":"ada@example.com"}
export const importExport = mutation({
  args: { lines: v.string() },
  handler: async (ctx, { lines }) => {
    let imported = 0;
    for (const line of lines.split("\n").filter((line) => line.trim() !== "")) {
      await ctx.db.insert("contacts", JSON.parse(line));
      imported += 1;
    }
    return imported;
  },
});
