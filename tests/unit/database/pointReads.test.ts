/**
 * Point reads by id (`db.get`) go through a hash map shared by a table's
 * snapshots; these tests check that every snapshot, old or new, and every
 * transaction with its own writes still sees exactly its own version.
 */
import { describe, expect, it } from "vitest";
import { Database, type Commit, type CommitLog, type Document } from "../../../src/sandbox/database/index.ts";
import { DocumentVersions } from "../../../src/sandbox/database/indexes/documentVersions.ts";
import { collect, indexQuery, newDatabase, rangeExpr, scan, seed } from "./helpers.ts";

/** A table `items` with an index `by_v` on field `v`. */
const ITEMS_BY_V = {
  tables: [{ tableName: "items", indexes: [{ indexDescriptor: "by_v", fields: ["v"] }], searchIndexes: [], documentType: { type: "any" as const } }],
  schemaValidation: true,
};

const doc = (id: string, n: number) => ({ _id: id, _creationTime: n, n }) as unknown as Document;

describe("document versions", () => {
  it("each sequence number sees the newest version at or below it", () => {
    const v = DocumentVersions.of([doc("a", 0)]);
    const s1 = v.seal(new Map([["a", doc("a", 1)], ["b", doc("b", 1)]]));
    const s2 = v.seal(new Map<string, Document | null>([["a", null]]));
    expect(v.lookup("a", 0)?.n).toBe(0);
    expect(v.lookup("a", s1)?.n).toBe(1);
    expect(v.lookup("a", s2)).toBeNull();
    expect(v.lookup("b", 0)).toBeNull();
    expect(v.lookup("b", s2)?.n).toBe(1);
    expect(v.lookup("missing", s2)).toBeNull();
  });

  it("forgets versions more than 32 sequence numbers old, and says so instead of answering wrongly", () => {
    const v = DocumentVersions.of([doc("a", 0), doc("gone", 0)]);
    v.seal(new Map<string, Document | null>([["gone", null]]));
    for (let i = 2; i <= 40; i++) v.seal(new Map([["a", doc("a", i)]]));
    expect(v.latestSeq).toBe(40);
    expect(v.lookup("a", 0)).toBeUndefined();
    expect(v.lookup("a", 7)).toBeUndefined();
    expect(v.lookup("a", 8)?.n).toBe(8);
    expect(v.lookup("a", 40)?.n).toBe(40);
    expect(v.lookup("gone", 40)).toBeNull();
    expect(v.lookup("gone", 8)).toBeNull();
  });
});

describe("db.get across snapshots", () => {
  it("a transaction that began before many commits still reads its own snapshot's documents", () => {
    const { db, clock } = newDatabase();
    const [id, other] = seed(db, clock, "items", [{ v: 0 }, { v: 100 }]);
    const early = db.begin();
    const snapshots: Array<{ ts: bigint; v: number }> = [];
    for (let i = 1; i <= 60; i++) {
      const tx = db.begin();
      tx.patch(id, { v: i });
      if (i === 30) tx.delete(other);
      db.commit(tx);
      snapshots.push({ ts: db.latestTs(), v: i });
    }
    expect(early.get(id)?.v).toBe(0);
    expect(early.get(other)?.v).toBe(100);
    // The database keeps 32 past snapshots; each reads its own version.
    for (const { ts, v } of snapshots.slice(-32)) expect(db.begin({ ts }).get(id)?.v).toBe(v);
    expect(db.begin().get(other)).toBeNull();
  });

  it("a transaction sees its own inserts, patches and deletes, and a rollback undoes them", () => {
    const { db, clock } = newDatabase();
    const [a] = seed(db, clock, "items", [{ v: 1 }]);
    const tx = db.begin();
    const b = tx.insert("items", { v: 2 });
    tx.patch(a, { v: 10 });
    const sp = tx.savepoint();
    tx.delete(a);
    tx.patch(b, { v: 20 });
    expect(tx.get(a)).toBeNull();
    expect(tx.get(b)?.v).toBe(20);
    tx.rollbackTo(sp);
    expect(tx.get(a)?.v).toBe(10);
    expect(tx.get(b)?.v).toBe(2);
    // Other transactions see none of it until the commit.
    expect(db.begin().get(a)?.v).toBe(1);
    expect(db.begin().get(b)).toBeNull();
    db.commit(tx);
    expect(db.begin().get(a)?.v).toBe(10);
    expect(db.begin().get(b)?.v).toBe(2);
  });

  it("concurrent transactions committed one after the other each see their own snapshot", () => {
    const { db, clock } = newDatabase();
    const [a, b] = seed(db, clock, "items", [{ v: 1 }, { v: 1 }]);
    const t1 = db.begin();
    const t2 = db.begin();
    const reader = db.begin();
    t1.patch(a, { v: 2 });
    t2.patch(b, { v: 3 });
    db.commit(t1);
    db.commit(t2);
    expect([reader.get(a)?.v, reader.get(b)?.v]).toEqual([1, 1]);
    const now = db.begin();
    expect([now.get(a)?.v, now.get(b)?.v]).toEqual([2, 3]);
  });
});

describe("loading a commit log", () => {
  it("builds the same tables as committing the writes one by one", () => {
    const { db, clock } = newDatabase();
    db.setSchema(ITEMS_BY_V);
    const commits: Commit[] = [];
    db.onCommit((c) => commits.push(c));
    const ids = seed(db, clock, "items", Array.from({ length: 50 }, (_, i) => ({ v: i % 7 })));
    const tx = db.begin();
    for (let i = 0; i < 50; i += 3) tx.delete(ids[i]);
    for (let i = 1; i < 50; i += 5) if (i % 3 !== 0) tx.patch(ids[i], { v: 100 + i });
    db.commit(tx);

    const log: CommitLog = { append: () => {}, load: () => commits, clear: () => {} };
    const loaded = new Database({ commitLog: log, now: () => clock.now });
    loaded.setSchema(db.getSchema());
    loaded.load();
    const before = db.begin();
    const after = loaded.begin();
    expect(collect(after, scan("items"))).toEqual(collect(before, scan("items")));
    const byV = indexQuery("items.by_v", [rangeExpr("Gte", "v", 3)], "desc");
    expect(collect(after, byV)).toEqual(collect(before, byV));
    for (const id of ids) expect(after.get(id)).toEqual(before.get(id));
    expect(after.count("items")).toBe(before.count("items"));
  });
});

describe("index scans interleaved with writes", () => {
  it("a query read in several batches sees the transaction's writes made between batches", () => {
    const { db, clock } = newDatabase();
    db.setSchema(ITEMS_BY_V);
    seed(db, clock, "items", Array.from({ length: 40 }, (_, i) => ({ v: i * 2 })));
    for (const order of ["asc", "desc"] as const) {
      const tx = db.begin();
      const q = tx.startQuery(indexQuery("items.by_v", [], order));
      const seen: number[] = [];
      for (let i = 0; i < 8; i++) seen.push(tx.nextInQuery(q).value!.v as number);
      // After the first batch (8 documents), writes ahead of the scan are seen; behind it they have no effect.
      const ahead = order === "asc" ? 41 : 37;
      const victim = order === "asc" ? 60 : 10;
      tx.insert("items", { v: ahead });
      tx.insert("items", { v: order === "asc" ? 1 : 77 });
      const doomed = collect(tx, indexQuery("items.by_v", [rangeExpr("Eq", "v", victim)]));
      tx.delete(doomed[0]._id);
      for (;;) {
        const { value, done } = tx.nextInQuery(q);
        if (done) break;
        seen.push(value!.v as number);
      }
      const expected = Array.from({ length: 40 }, (_, i) => i * 2).filter((v) => v !== victim);
      expected.push(ahead);
      expected.sort((x, y) => (order === "asc" ? x - y : y - x));
      expect(seen).toEqual(expected);
    }
  });
});
