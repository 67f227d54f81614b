import type { Document } from "../../../src/sandbox/database/index.ts";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { describe, expect, it } from "vitest";
import { InvalidCursorError, type Database, type SerializedQuery } from "../../../src/sandbox/database/index.ts";
import { expectError, field, indexQuery, lit, newDatabase, rangeExpr, scan, schemaJson, seed } from "./helpers.ts";

function page(db: Database, query: SerializedQuery, cursor: string | null, pageSize: number, endCursor: string | null = null) {
  return db.begin().queryPage({ query, cursor, endCursor, pageSize, maximumRowsRead: null, maximumBytesRead: null });
}

function setup(n: number) {
  const { db, clock } = newDatabase();
  db.setSchema(schemaJson(defineSchema({ posts: defineTable({ n: v.number(), channel: v.string() }).index("by_n", ["n"]) })));
  const ids = seed(db, clock, "posts", Array.from({ length: n }, (_, i) => ({ n: i * 10, channel: i % 2 ? "b" : "a" })));
  return { db, clock, ids };
}

const ns = (docs: Document[]) => docs.map((d) => d.n);

describe("paginate", () => {
  it("walks a query page by page and finishes with isDone", () => {
    const { db } = setup(7);
    const q = scan("posts");
    const p1 = page(db, q, null, 3);
    expect([ns(p1.page), p1.isDone, p1.pageStatus, p1.splitCursor]).toEqual([[0, 10, 20], false, null, null]);
    const p2 = page(db, q, p1.continueCursor, 3);
    expect([ns(p2.page), p2.isDone]).toEqual([[30, 40, 50], false]);
    const p3 = page(db, q, p2.continueCursor, 3);
    expect([ns(p3.page), p3.isDone]).toEqual([[60], true]);
    const p4 = page(db, q, p3.continueCursor, 3);
    expect([ns(p4.page), p4.isDone, p4.continueCursor]).toEqual([[], true, p3.continueCursor]);
  });

  it("pages stay stable across concurrent inserts and deletes: no duplicates, no gaps", () => {
    const { db, clock, ids } = setup(10);
    const q = indexQuery("posts.by_n", [rangeExpr("Gte", "n", 0)], "asc");
    const seen: number[] = [];
    let cursor: string | null = null;
    let round = 0;
    for (;;) {
      const p = page(db, q, cursor, 3);
      seen.push(...(ns(p.page) as number[]));
      if (p.isDone) break;
      cursor = p.continueCursor;
      // Between pages: delete a document already seen, insert before and after the cursor.
      clock.now += 1;
      const tx = db.begin();
      if (round === 0) tx.delete(ids[0]);
      tx.insert("posts", { n: -1 - round, channel: "a" }); // before the cursor: not returned later
      tx.insert("posts", { n: 1000 + round, channel: "a" }); // after the cursor: returned later
      db.commit(tx);
      round++;
    }
    expect(seen).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 1000, 1001, 1002, 1003]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("continues correctly when the document at the cursor is deleted (descending)", () => {
    const { db, ids } = setup(6);
    const q = scan("posts", "desc");
    const p1 = page(db, q, null, 2);
    expect(ns(p1.page)).toEqual([50, 40]);
    const tx = db.begin();
    tx.delete(ids[4]);
    tx.delete(ids[3]);
    db.commit(tx);
    const p2 = page(db, q, p1.continueCursor, 2);
    expect(ns(p2.page)).toEqual([20, 10]);
  });

  it("with an endCursor returns everything up to and including it, ignoring pageSize", () => {
    const { db, clock } = setup(6);
    const q = scan("posts");
    const p1 = page(db, q, null, 2);
    seed(db, clock, "posts", [{ n: 5, channel: "a" }]);
    // A document inserted inside the first page's range shows up when the page is re-read with its end cursor.
    const tx = db.begin();
    const first = tx.queryPage({ query: indexQuery("posts.by_n", [], "asc"), cursor: null, endCursor: null, pageSize: 2, maximumRowsRead: null, maximumBytesRead: null });
    expect(ns(first.page)).toEqual([0, 5]);
    const again = page(db, q, null, 1, p1.continueCursor);
    expect([ns(again.page), again.continueCursor, again.isDone]).toEqual([[0, 10], p1.continueCursor, false]);
    const rest = page(db, q, p1.continueCursor, 1, null);
    expect(ns(rest.page)).toEqual([20]);
    const allToEnd = page(db, q, p1.continueCursor, 1, page(db, q, null, 100).continueCursor);
    expect([ns(allToEnd.page), allToEnd.isDone]).toEqual([[20, 30, 40, 50, 5], true]);
  });

  it("applies filters and counts scanned rows against maximumRowsRead (SplitRequired)", () => {
    const { db } = setup(10);
    const q = scan("posts", null, [{ filter: { $eq: [field("channel"), lit("a")] } }]);
    const p = page(db, q, null, 3);
    expect(ns(p.page)).toEqual([0, 20, 40]);
    const limited = db.begin().queryPage({ query: q, cursor: null, endCursor: null, pageSize: 5, maximumRowsRead: 4, maximumBytesRead: null });
    expect([ns(limited.page), limited.isDone, limited.pageStatus]).toEqual([[0, 20], false, "SplitRequired"]);
    expect(limited.splitCursor).not.toBeNull();
    const left = page(db, q, null, 100, limited.splitCursor);
    expect(ns(left.page)).toEqual([0]);
    const next = page(db, q, limited.continueCursor, 100);
    expect([ns(next.page), next.isDone]).toEqual([[40, 60, 80], true]);
  });

  it("a page cut short before reading anything continues from the start", () => {
    const { db } = setup(3);
    for (const order of ["asc", "desc"] as const) {
      const q = scan("posts", order);
      const cut = db.begin().queryPage({ query: q, cursor: null, endCursor: null, pageSize: 2, maximumRowsRead: 0, maximumBytesRead: null });
      expect([cut.page, cut.isDone, cut.pageStatus, cut.splitCursor]).toEqual([[], false, "SplitRequired", null]);
      expect(ns(page(db, q, cut.continueCursor, 5).page)).toEqual(order === "asc" ? [0, 10, 20] : [20, 10, 0]);
      // Re-reading that page up to its own end cursor stays empty.
      expect(page(db, q, null, 5, cut.continueCursor).page).toEqual([]);
    }
  });

  it("recommends a split for very large pages", () => {
    const { db, clock } = newDatabase();
    const tx = db.begin();
    for (let i = 0; i < 6200; i++) tx.insert("big", { i });
    db.commit(tx);
    clock.now += 1;
    const p = page(db, scan("big"), null, 7000);
    expect([p.page.length, p.isDone, p.pageStatus]).toEqual([6200, true, "SplitRecommended"]);
    const left = page(db, scan("big"), null, 7000, p.splitCursor);
    expect(left.page.length).toBe(3100);
  });

  it("rejects a cursor from a different query or a malformed one with InvalidCursor", () => {
    const { db } = setup(4);
    const p = page(db, scan("posts"), null, 2);
    const err = (() => {
      try {
        page(db, scan("posts", "desc"), p.continueCursor, 2);
      } catch (e) {
        return e;
      }
    })() as InvalidCursorError;
    expect(err).toBeInstanceOf(InvalidCursorError);
    expect(err.message).toBe(
      "InvalidCursor: Tried to run a query starting from a cursor, but it looks like this cursor is from a different query.",
    );
    expect(err.data).toEqual({ isConvexSystemError: true, paginationError: "InvalidCursor" });
    expect(expectError(() => page(db, scan("posts"), "garbage!", 2))).toMatch(/^InvalidCursor: /);
  });

  it("validates the page size", () => {
    const { db } = setup(1);
    expect(expectError(() => page(db, scan("posts"), null, 0))).toBe("Must request at least 1 document while paginating");
    expect(expectError(() => page(db, scan("posts"), null, 32001))).toBe("Requested too many items: 32001");
  });

  it("records the page's range in the read set so inserts inside it invalidate, and after it do not", () => {
    const { db, clock } = setup(6);
    const tx = db.begin();
    const p = tx.queryPage({ query: indexQuery("posts.by_n", [], "asc"), cursor: null, endCursor: null, pageSize: 2, maximumRowsRead: null, maximumBytesRead: null });
    expect(ns(p.page)).toEqual([0, 10]);
    const readSet = tx.readSet();
    clock.now += 1;
    const w1 = db.begin();
    w1.insert("posts", { n: 5, channel: "x" });
    const inside = db.commit(w1);
    const w2 = db.begin();
    w2.insert("posts", { n: 25, channel: "x" });
    const outside = db.commit(w2);
    expect(db.readSetOverlaps(readSet, inside.writes)).toBe(true);
    expect(db.readSetOverlaps(readSet, outside.writes)).toBe(false);
  });
});
