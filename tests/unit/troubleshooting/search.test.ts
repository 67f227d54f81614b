import { describe, expect, it } from "vitest";
import { filterEntries, facetCounts } from "../../../src/lib/troubleshooting/filters";
import { relatedEntries } from "../../../src/lib/troubleshooting/related";
import { searchEntries } from "../../../src/lib/troubleshooting/search";
import { index } from "./fixtures";

function slugsFor(query: string): string[] {
  return searchEntries(query, index).map((hit) => hit.entry.slug);
}

describe("full-text search", () => {
  it.each([
    ["preflight", "cors-blocked-http-action"],
    ["circular imports", "undefined-validator-circular-import"],
    ["optimistic concurrency", "write-conflict-occ"],
    ["usePaginatedQuery", "collect-large-table"],
    ["ConvexProvider", "usequery-outside-provider"],
    ["getUrl storage", "storage-url-built-by-hand"],
    ["applicationID issuer", "auth-token-rejected"],
    ["madge", "undefined-validator-circular-import"],
  ])("%s finds %s among the first three", (query, slug) => {
    expect(slugsFor(query).slice(0, 3)).toContain(slug);
  });

  it("tolerates prefixes and small typos", () => {
    expect(slugsFor("paginat").length).toBeGreaterThan(0);
    expect(slugsFor("schedulr")).toContain("action-called-from-mutation");
  });

  it("works from the index after a JSON round trip, as in the browser", () => {
    const copy = JSON.parse(JSON.stringify(index));
    expect(searchEntries("cors", copy)[0].entry.slug).toBe("cors-blocked-http-action");
  });

  it("returns nothing for an empty query", () => {
    expect(searchEntries("  ", index)).toEqual([]);
  });
});

describe("filters", () => {
  it("narrows by tag and by function type, combining both", () => {
    const http = filterEntries(index.entries, { functionTypes: ["httpAction"] });
    expect(http.length).toBeGreaterThan(0);
    expect(http.every((e) => e.functionTypes.includes("httpAction"))).toBe(true);
    const both = filterEntries(index.entries, { functionTypes: ["httpAction"], tags: ["cors"] });
    expect(both.map((e) => e.slug)).toEqual(["cors-blocked-http-action"]);
    expect(filterEntries(index.entries, {})).toHaveLength(index.entries.length);
  });

  it("counts facets, most used first", () => {
    const counts = facetCounts(index.entries, "functionTypes");
    expect(counts[0][1]).toBeGreaterThanOrEqual(counts[counts.length - 1][1]);
    expect(counts.map(([type]) => type)).toContain("client");
  });
});

describe("related entries", () => {
  it("lists entries sharing tags, most shared first, never the entry itself", () => {
    const cors = index.entries.find((e) => e.slug === "cors-blocked-http-action")!;
    const related = relatedEntries(cors, index.entries);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related.map((e) => e.slug)).not.toContain(cors.slug);
    for (const entry of related) expect(entry.tags.some((tag) => cors.tags.includes(tag))).toBe(true);
  });
});
