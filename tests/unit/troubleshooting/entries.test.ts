import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stripErrorWrapping } from "../../../src/lib/troubleshooting/normalize";
import { entries, index } from "./fixtures";

const LESSON_SLUGS = new Set([
  "reactive-model", "schemas-and-validators", "reading-data", "indexes", "filters", "pagination",
  "writing-data", "transactions", "function-validation", "internal-functions", "actions", "scheduling",
  "cron-jobs", "file-storage", "http-actions", "authentication", "react-client", "text-search",
  "error-handling", "deterministic-runtime", "limits-and-performance", "ids-and-system-tables",
]);

/** Every topic the knowledge base must cover, and the entry that covers it. */
const REQUIRED_TOPICS: Record<string, string> = {
  "CORS blocked (success, error and OPTIONS responses)": "cors-blocked-http-action",
  "404 from HTTP actions on .convex.cloud": "http-action-on-convex-cloud",
  "storage URLs built by hand": "storage-url-built-by-hand",
  "401: no Bearer prefix": "http-auth-missing-bearer",
  "401: wrong issuer or applicationID, expired token": "auth-token-rejected",
  "side effects in queries and mutations": "side-effects-in-queries-and-mutations",
  "non-determinism": "randomness-and-time-at-import",
  "query that scans without an index": "query-scans-without-index",
  "index not found": "index-not-found",
  "transactions that read or write too much": "transaction-too-many-writes",
  "public functions without argument validation": "public-function-without-validation",
  "collect() on large tables instead of paginate": "collect-large-table",
  "calling actions from mutations instead of scheduling": "action-called-from-mutation",
  "write conflicts": "write-conflict-occ",
  "undefined validators from circular imports": "undefined-validator-circular-import",
  "Could not find public function": "could-not-find-public-function",
  "schema validation failing on push": "schema-validation-failed-on-push",
  "unique() with several results": "unique-multiple-results",
  "useQuery outside ConvexProvider": "usequery-outside-provider",
  "missing deployment URL variable": "missing-deployment-url",
  "ConvexError data lost on the client": "convexerror-data-lost",
};

describe("troubleshooting entries", () => {
  it("has at least 30 entries", () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(REQUIRED_TOPICS))("covers %s", (_topic, slug) => {
    expect(entries.map((e) => e.slug)).toContain(slug);
  });

  describe.each(entries.map((e) => [e.slug, e] as const))("%s", (_slug, entry) => {
    it("explains what you see, why, and the fix, with code", () => {
      expect(entry.body).toMatch(/^## What you see$/m);
      expect(entry.body).toMatch(/^## Why it happens$/m);
      expect(entry.body).toMatch(/^## The fix$/m);
      expect(entry.body).toMatch(/```(ts|tsx)\n/);
    });

    it("links only to lessons that exist in the track", () => {
      expect(entry.lessons.length).toBeGreaterThan(0);
      for (const lesson of entry.lessons) expect(LESSON_SLUGS, `unknown lesson "${lesson}"`).toContain(lesson);
    });

    it("has patterns that are valid and recognise its own error texts", () => {
      for (const error of entry.errors) {
        if (error.pattern === undefined) continue;
        const regex = new RegExp(error.pattern, "i");
        const recognised = regex.test(error.text) || regex.test(stripErrorWrapping(error.text));
        expect(recognised, `${error.pattern} vs ${error.text}`).toBe(true);
      }
      expect(entry.errors.some((error) => error.pattern !== undefined)).toBe(true);
    });

    it("links to entries that exist", () => {
      for (const [, slug] of entry.body.matchAll(/\(\/troubleshooting\/([a-z0-9-]+)\/\)/g)) {
        expect(entries.map((e) => e.slug)).toContain(slug);
      }
    });

    if (entry.playground !== undefined) {
      it("names a repro playground with a broken starter, a fixed solution and checks", () => {
        const dir = join(process.cwd(), "content", "playgrounds", entry.playground!);
        expect(entry.playground).toMatch(/^ts-/);
        expect(existsSync(join(dir, "playground.json"))).toBe(true);
        expect(existsSync(join(dir, "checks.ts"))).toBe(true);
        expect(readdirSync(join(dir, "starter", "convex")).length).toBeGreaterThan(0);
        expect(readdirSync(join(dir, "solution", "convex")).length).toBeGreaterThan(0);
      });
    }
  });

  it("gives every error text to exactly one entry", () => {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const error of entry.errors) {
        expect(owner.get(error.text), `"${error.text}" appears in two entries`).toBeUndefined();
        owner.set(error.text, entry.slug);
      }
    }
  });

  it("has at least 8 entries with a runnable repro", () => {
    expect(entries.filter((e) => e.playground !== undefined).length).toBeGreaterThanOrEqual(8);
  });

  it("serialises into a static index that round-trips through JSON", () => {
    const copy = JSON.parse(JSON.stringify(index));
    expect(copy.version).toBe(1);
    expect(copy.entries).toHaveLength(entries.length);
    expect(copy.entries[0].url).toMatch(/^\/troubleshooting\/[a-z0-9-]+\/$/);
  });
});
