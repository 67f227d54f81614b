import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { describe, expect, it } from "vitest";
import { WriteConflictError, type Commit, type CommitLog } from "../../../src/sandbox/database/index.ts";
import { Database } from "../../../src/sandbox/database/index.ts";
import { collect, indexQuery, newDatabase, rangeExpr, scan, schemaJson, seed } from "./helpers.ts";

function setup() {
  const { db, clock } = newDatabase();
  db.setSchema(
    schemaJson(defineSchema({ counters: defineTable({ name: v.string(), value: v.number() }).index("by_name", ["name"]) })),
  );
  const ids = seed(db, clock, "counters", [
    { name: "a", value: 0 },
    { name: "m", value: 0 },
    { name: "z", value: 0 },
  ]);
  return { db, clock, ids };
}

function conflict(fn: () => unknown): WriteConflictError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WriteConflictError) return e;
    throw e;
  }
  throw new Error("expected a write conflict");
}

describe("optimistic concurrency", () => {
  it("two read-modify-write transactions on one document: the second to commit conflicts", () => {
    const { db, ids } = setup();
    const t1 = db.begin({ writeSource: "counters:increment" });
    const t2 = db.begin({ writeSource: "counters:increment" });
    t1.patch(ids[0], { value: (t1.get(ids[0])!.value as number) + 1 });
    t2.patch(ids[0], { value: (t2.get(ids[0])!.value as number) + 1 });
    db.commit(t1);
    const err = conflict(() => db.commit(t2));
    expect(err.message).toBe(
      `Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry. Another call to this mutation changed the document with ID "${ids[0]}". See https://docs.convex.dev/error#1`,
    );
    expect([err.table, err.documentId]).toEqual(["counters", ids[0]]);
    // A retry on a fresh snapshot succeeds.
    const t3 = db.begin();
    t3.patch(ids[0], { value: (t3.get(ids[0])!.value as number) + 1 });
    db.commit(t3);
    expect(db.begin().get(ids[0])!.value).toBe(2);
  });

  it("names a different writer", () => {
    const { db, ids } = setup();
    const t1 = db.begin({ writeSource: "admin:reset" });
    const t2 = db.begin({ writeSource: "counters:increment" });
    t2.get(ids[1]);
    t2.insert("counters", { name: "n", value: 1 });
    t1.delete(ids[1]);
    db.commit(t1);
    expect(conflict(() => db.commit(t2)).message).toContain(`A call to "admin:reset" changed the document with ID "${ids[1]}". `);
  });

  it("does not conflict when the written keys fall outside the ranges read", () => {
    const { db, clock, ids } = setup();
    const reader = db.begin();
    expect(collect(reader, indexQuery("counters.by_name", [rangeExpr("Gte", "name", "a"), rangeExpr("Lt", "name", "n")])).length).toBe(2);
    reader.insert("log", { read: 2 });
    clock.now += 1;
    const writer = db.begin();
    writer.patch(ids[2], { value: 5 }); // "z" is outside [a, n)
    writer.insert("counters", { name: "q", value: 1 }); // also outside
    db.commit(writer);
    expect(db.commit(reader).writes.length).toBe(1);
  });

  it("conflicts when a concurrent insert lands inside a range read (phantoms)", () => {
    const { db, clock } = setup();
    const reader = db.begin();
    collect(reader, indexQuery("counters.by_name", [rangeExpr("Gte", "name", "a"), rangeExpr("Lt", "name", "n")]));
    reader.insert("log", { read: 2 });
    clock.now += 1;
    const writer = db.begin();
    const id = writer.insert("counters", { name: "b", value: 1 });
    db.commit(writer);
    const err = conflict(() => db.commit(reader));
    expect([err.table, err.documentId]).toEqual(["counters", id]);
    expect(err.message).toContain('Documents read from or written to the "counters" table changed');
  });

  it("a limited scan only covers what it read: writes past the last row do not conflict", () => {
    const { db, clock, ids } = setup();
    const reader = db.begin();
    expect(collect(reader, scan("counters", "asc", [{ limit: 1 }])).length).toBe(1);
    reader.insert("log", {});
    clock.now += 1;
    const writer = db.begin();
    writer.patch(ids[2], { value: 9 });
    db.commit(writer);
    db.commit(reader);
  });

  it("snapshot isolation: a transaction keeps reading its snapshot", () => {
    const { db, ids } = setup();
    const reader = db.begin();
    const writer = db.begin();
    writer.patch(ids[0], { value: 42 });
    writer.delete(ids[1]);
    writer.insert("counters", { name: "new", value: 1 });
    db.commit(writer);
    expect(reader.get(ids[0])!.value).toBe(0);
    expect(collect(reader, scan("counters")).map((d) => d.name)).toEqual(["a", "m", "z"]);
    expect(db.begin().get(ids[0])!.value).toBe(42);
    expect(collect(db.begin(), scan("counters")).map((d) => d.name)).toEqual(["a", "z", "new"]);
    // A read-only transaction commits without writes at its snapshot.
    expect(db.commit(reader)).toEqual({ ts: reader.snapshotTs, writes: [] });
  });

  it("reads an older snapshot by timestamp", () => {
    const { db, ids } = setup();
    const before = db.latestTs();
    const w = db.begin();
    w.patch(ids[0], { value: 7 });
    const c = db.commit(w);
    expect(c.ts).toBeGreaterThan(before);
    expect(db.begin({ ts: before }).get(ids[0])!.value).toBe(0);
    expect(db.begin({ ts: c.ts }).get(ids[0])!.value).toBe(7);
  });

  it("notifies commit listeners with before and after images, and readSetOverlaps matches point reads", () => {
    const { db, ids } = setup();
    const seen: Commit[] = [];
    const stop = db.onCommit((c) => seen.push(c));
    const q = db.begin();
    q.get(ids[0]);
    const pointReadSet = q.readSet();
    expect(pointReadSet.ranges.map((r) => r.index)).toEqual(["counters.by_id"]);
    const w = db.begin();
    w.patch(ids[0], { value: 3 });
    db.commit(w);
    stop();
    expect(seen).toHaveLength(1);
    expect(seen[0].writes[0].before!.value).toBe(0);
    expect(seen[0].writes[0].after!.value).toBe(3);
    expect(db.readSetOverlaps(pointReadSet, seen[0].writes)).toBe(true);
    const other = db.begin();
    other.patch(ids[1], { value: 3 });
    expect(db.readSetOverlaps(pointReadSet, db.commit(other).writes)).toBe(false);
  });

  it("readSetOverlaps: search reads are invalidated by any write to the table", () => {
    const { db } = newDatabase();
    const w = db.begin();
    w.insert("docs", { text: "x" });
    const c = db.commit(w);
    expect(db.readSetOverlaps({ ranges: [], searchedTables: ["docs"] }, c.writes)).toBe(true);
    expect(db.readSetOverlaps({ ranges: [], searchedTables: ["other"] }, c.writes)).toBe(false);
  });
});

describe("durability hook", () => {
  it("appends each commit before it is visible and replays the log on load", () => {
    const log: Commit[] = [];
    const commitLog: CommitLog = { append: (c) => void log.push(c), load: () => log, clear: () => void (log.length = 0) };
    const db = new Database({ commitLog, now: () => 1000 });
    db.load();
    const tx = db.begin();
    const a = tx.insert("notes", { text: "one" });
    db.commit(tx);
    const tx2 = db.begin();
    tx2.patch(a, { text: "two" });
    const b = tx2.insert("tags", { t: 1 });
    db.commit(tx2);
    expect(log.map((c) => c.writes.length)).toEqual([1, 2]);

    const restored = new Database({ commitLog, now: () => 2000 });
    restored.load();
    const r = restored.begin();
    expect(r.get(a)!.text).toBe("two");
    expect(r.get(b)!.t).toBe(1);
    expect(restored.latestTs()).toBe(db.latestTs());
    // New tables get fresh numbers after the replayed ones.
    const w = restored.begin();
    const c = w.insert("third", {});
    expect(w.normalizeId("third", c)).toBe(c);
    expect(restored.tableNames()).toEqual(["notes", "tags"]);

    restored.clear();
    expect(log).toEqual([]);
    expect(restored.begin().get(a)).toBeNull();
    // A transaction begun before the reset cannot commit.
    expect(() => restored.commit(w)).toThrow(WriteConflictError);
  });
});
