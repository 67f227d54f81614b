/** Shared test setup: the real entries from content/troubleshooting, indexed once. */
import { buildIndex } from "../../../src/lib/troubleshooting/build-index";
import { loadEntries } from "../../../src/lib/troubleshooting/load-entries";

export const entries = loadEntries();
export const index = buildIndex(entries);

const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

/** A random string shaped like a Convex document ID (base32, same length as `like`). */
export function randomId(length = 32): string {
  let id = "";
  for (let i = 0; i < length; i += 1) id += BASE32[Math.floor(Math.random() * BASE32.length)];
  return /\d/.test(id) ? id : `${id.slice(0, -1)}7`;
}

/**
 * The same message as a user would meet it elsewhere: other document IDs, other long numbers,
 * other quoted table/field names and function paths.
 */
export function withOtherDetails(text: string): string {
  return text
    .replace(/\b[0-9a-hjkmnp-tv-z]{31,37}\b/g, (id) => randomId(id.length))
    .replace(/\b\d{3,}\b/g, (n) => String(Number(n) * 3 + 17))
    .replace(/'([\w-]+(?:\/[\w-]+)*:[\w$]+)'/g, "'admin/reports:weeklySummary'")
    .replace(/"([a-z_][\w]*)"/g, '"ledger_entries"');
}

/** The message as the JavaScript client reports a failed call. */
export function asClientError(text: string, kind: "Q" | "M" | "A" = "M", path = "billing/invoices:create"): string {
  return `[CONVEX ${kind}(${path})] [Request ID: ${randomId(16).replace(/[^0-9a-f]/g, "a")}] Server Error\nUncaught Error: ${text}\n    at handler (../convex/billing/invoices.ts:41:17)\n\n  Called by client`;
}
