import type { Document } from "../../../src/sandbox/database/index.ts";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { describe, expect, it } from "vitest";
import type { SerializedQuery } from "../../../src/sandbox/database/index.ts";
import { tokenize, queryTerms } from "../../../src/sandbox/database/search/tokenize.ts";
import { collect, expectError, newDatabase, schemaJson, seed } from "./helpers.ts";

function setup() {
  const { db, clock } = newDatabase();
  db.setSchema(
    schemaJson(
      defineSchema({
        messages: defineTable({ body: v.string(), channel: v.string(), pinned: v.optional(v.boolean()) }).searchIndex("search_body", {
          searchField: "body",
          filterFields: ["channel", "pinned"],
        }),
      }),
    ),
  );
  seed(db, clock, "messages", [
    { body: "Hello world, hello Convex!", channel: "general" },
    { body: "The world is big", channel: "random" },
    { body: "hello there", channel: "general", pinned: true },
    { body: "Convex functions are TypeScript", channel: "general" },
    { body: "nothing relevant here", channel: "general" },
    { body: "convexity is a math word", channel: "random" },
  ]);
  return db;
}

const search = (text: string, eq: Array<[string, unknown]> = [], operators: SerializedQuery["operators"] = []): SerializedQuery => ({
  source: {
    type: "Search",
    indexName: "messages.search_body",
    filters: [{ type: "Search", fieldPath: "body", value: text }, ...eq.map(([fieldPath, value]) => ({ type: "Eq" as const, fieldPath, value }))],
  },
  operators,
});

const bodies = (docs: Document[]) => docs.map((d) => d.body);

describe("text search", () => {
  it("tokenizes on whitespace and punctuation, lowercases, drops long terms and keeps 16 query terms", () => {
    expect(tokenize("Hello, World! it's  fine-tuned")).toEqual(["hello", "world", "it", "s", "fine", "tuned"]);
    expect(tokenize(`a ${"x".repeat(33)} b ${"y".repeat(32)}`)).toEqual(["a", "b", "y".repeat(32)]);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
    expect(queryTerms(many)).toEqual({ exact: Array.from({ length: 15 }, (_, i) => `w${i}`), prefix: "w15" });
  });

  it("ranks by relevance and matches the last term as a prefix", () => {
    const db = setup();
    const tx = db.begin();
    expect(bodies(collect(tx, search("hello")))).toEqual(["Hello world, hello Convex!", "hello there"]);
    expect(bodies(collect(tx, search("conv")))).toEqual([
      "Convex functions are TypeScript",
      "Hello world, hello Convex!",
      "convexity is a math word",
    ]);
    expect(bodies(collect(tx, search("world hello")))).toEqual(["Hello world, hello Convex!", "hello there", "The world is big"]);
    expect(bodies(collect(tx, search("   ")))).toEqual([]);
    expect(tx.readSet().searchedTables).toEqual(["messages"]);
  });

  it("applies eq filters on filter fields, undefined matching a missing field", () => {
    const db = setup();
    const tx = db.begin();
    expect(bodies(collect(tx, search("world", [["channel", "random"]])))).toEqual(["The world is big"]);
    expect(bodies(collect(tx, search("hello", [["pinned", true]])))).toEqual(["hello there"]);
    expect(bodies(collect(tx, search("hello", [["pinned", { $undefined: null }]])))).toEqual(["Hello world, hello Convex!"]);
    expect(bodies(collect(tx, search("hello", [], [{ limit: 1 }])))).toEqual(["Hello world, hello Convex!"]);
  });

  it("rejects bad search queries", () => {
    const db = setup();
    const tx = db.begin();
    expect(
      expectError(() =>
        tx.startQuery({ source: { type: "Search", indexName: "messages.search_body", filters: [{ type: "Eq", fieldPath: "channel", value: "x" }] }, operators: [] }),
      ),
    ).toBe(
      'Search query against messages.search_body does not contain any search filters. You must include a search filter like `q.search("field", searchText)`.',
    );
    expect(expectError(() => tx.startQuery({ ...search("x"), source: { ...search("x").source, indexName: "messages.nope" } as SerializedQuery["source"] }))).toBe(
      "Index messages.nope not found.",
    );
  });

  it("keeps the inverted index current through patches, deletes and the transaction's own writes", () => {
    const db = setup();
    const tx = db.begin();
    const [hello] = collect(tx, search("hello", [["pinned", true]]));
    tx.patch(hello._id, { body: "goodbye moon" });
    expect(bodies(collect(tx, search("hello")))).toEqual(["Hello world, hello Convex!"]);
    expect(bodies(collect(tx, search("moo")))).toEqual(["goodbye moon"]);
    tx.delete(hello._id);
    tx.insert("messages", { body: "a fresh hello", channel: "general" });
    expect(bodies(collect(tx, search("hello")))).toEqual(["Hello world, hello Convex!", "a fresh hello"]);
    db.commit(tx);
    expect(bodies(collect(db.begin(), search("moon")))).toEqual([]);
    expect(bodies(collect(db.begin(), search("fresh")))).toEqual(["a fresh hello"]);
  });

  it("builds a search index over existing documents when the schema adds it", () => {
    const { db, clock } = newDatabase();
    seed(db, clock, "notes", [{ text: "alpha beta" }, { text: "beta gamma" }, { text: 42 }]);
    db.setSchema(schemaJson(defineSchema({ notes: defineTable(v.any()).searchIndex("s", { searchField: "text" }) })));
    const q = { source: { type: "Search" as const, indexName: "notes.s", filters: [{ type: "Search" as const, fieldPath: "text", value: "beta" }] }, operators: [] };
    const tx = db.begin();
    expect(collect(tx, q).map((d) => d.text)).toEqual(["beta gamma", "alpha beta"]);
    // Only the returned documents count as read.
    expect(tx.metrics().documentsRead.used).toBe(2);
  });

  it("paginates search results in relevance order", () => {
    const db = setup();
    const q = search("hello world");
    const args = { query: q, endCursor: null, pageSize: 2, maximumRowsRead: null, maximumBytesRead: null };
    const p1 = db.begin().queryPage({ ...args, cursor: null });
    expect([bodies(p1.page), p1.isDone]).toEqual([["Hello world, hello Convex!", "hello there"], false]);
    const p2 = db.begin().queryPage({ ...args, cursor: p1.continueCursor });
    expect([bodies(p2.page), p2.isDone]).toEqual([["The world is big"], true]);
    const again = db.begin().queryPage({ ...args, cursor: null, endCursor: p1.continueCursor, pageSize: 1 });
    expect(bodies(again.page)).toEqual(bodies(p1.page));
  });

  it("streams at most 1024 results", () => {
    const { db } = newDatabase();
    db.setSchema(schemaJson(defineSchema({ notes: defineTable({ text: v.string() }).searchIndex("s", { searchField: "text" }) })));
    const tx = db.begin();
    for (let i = 0; i < 1030; i++) tx.insert("notes", { text: `note number ${i}` });
    db.commit(tx);
    const r = db.begin();
    const q = r.startQuery({ source: { type: "Search", indexName: "notes.s", filters: [{ type: "Search", fieldPath: "text", value: "note" }] }, operators: [] });
    for (let i = 0; i < 1024; i++) expect(r.nextInQuery(q).done).toBe(false);
    expect(expectError(() => r.nextInQuery(q))).toBe(
      "Search query scanned too many documents (fetched 1024). Consider using a smaller limit, paginating the query, or using a filter field to limit the number of documents pulled from the search index.",
    );
  });
});

describe("search index definition changes", () => {
  it("re-indexes existing documents when a push changes the filter fields", () => {
    const db = setup();
    const withTopic = (filterFields: Array<"channel" | "pinned">) =>
      schemaJson(
        defineSchema({
          messages: defineTable({ body: v.string(), channel: v.string(), pinned: v.optional(v.boolean()) }).searchIndex(
            "search_body",
            { searchField: "body", filterFields },
          ),
        }),
      );
    db.setSchema(withTopic(["pinned"]));
    expect(bodies(collect(db.begin(), search("hello", [["pinned", true]])))).toEqual(["hello there"]);
    db.setSchema(withTopic(["channel", "pinned"]));
    const tx = db.begin();
    expect(bodies(collect(tx, search("hello", [["channel", "general"], ["pinned", true]])))).toEqual(["hello there"]);
    expect(bodies(collect(tx, search("world", [["channel", "random"]])))).toEqual(["The world is big"]);
  });
});
