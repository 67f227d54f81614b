import type { Document } from "../../../src/sandbox/database/index.ts";
import { jsonToConvex } from "convex/values";
import { describe, expect, it } from "vitest";
import { collect, expectError, field, indexQuery, lit, newDatabase, rangeExpr, scan, seed } from "./helpers.ts";

function setup() {
  const { db, clock } = newDatabase();
  const ids = seed(db, clock, "items", [
    { name: "a", qty: 1n, price: 2.5, tags: ["x"] },
    { name: "b", qty: 5n, price: 1, meta: { color: "red" } },
    { name: "c", qty: 10n, price: 7.25, meta: { color: "blue" } },
    { name: "d", price: 3 },
    { name: "e", qty: 0n, price: 0, meta: { color: "red", size: 2 } },
  ]);
  return { db, clock, ids };
}

const names = (docs: Document[]) => docs.map((d) => d.name);

describe("filters", () => {
  const run = (filter: unknown) => {
    const { db } = setup();
    return names(collect(db.begin(), scan("items", null, [{ filter }])));
  };

  it("comparisons use the total order of values, with missing fields as undefined", () => {
    expect(run({ $eq: [field("qty"), lit(5n)] })).toEqual(["b"]);
    expect(run({ $neq: [field("qty"), lit(5n)] })).toEqual(["a", "c", "d", "e"]);
    expect(run({ $gt: [field("qty"), lit(1n)] })).toEqual(["b", "c"]);
    expect(run({ $lte: [field("price"), lit(2.5)] })).toEqual(["a", "b", "e"]);
    expect(run({ $eq: [field("qty"), lit(undefined)] })).toEqual(["d"]);
    // int64 sorts before every float64, so every present qty is < 0.5
    expect(run({ $lt: [field("qty"), lit(0.5)] })).toEqual(["a", "b", "c", "d", "e"]);
    expect(run({ $eq: [field("qty"), lit(5)] })).toEqual([]);
  });

  it("nested field paths, and/or/not", () => {
    expect(run({ $eq: [field("meta.color"), lit("red")] })).toEqual(["b", "e"]);
    expect(run({ $and: [{ $eq: [field("meta.color"), lit("red")] }, { $gt: [field("price"), lit(0)] }] })).toEqual(["b"]);
    expect(run({ $or: [{ $eq: [field("name"), lit("a")] }, { $eq: [field("name"), lit("d")] }] })).toEqual(["a", "d"]);
    expect(run({ $not: { $eq: [field("meta.color"), lit("red")] } })).toEqual(["a", "c", "d"]);
    expect(run({ $eq: [field("tags"), lit(["x"])] })).toEqual(["a"]);
  });

  it("arithmetic on two int64s or two float64s", () => {
    const hasQty = (e: unknown) => ({ $and: [{ $neq: [field("qty"), lit(undefined)] }, e] });
    expect(run(hasQty({ $eq: [{ $add: [field("qty"), lit(1n)] }, lit(6n)] }))).toEqual(["b"]);
    expect(run({ $gt: [{ $mul: [field("price"), lit(2)] }, lit(5)] })).toEqual(["c", "d"]);
    expect(run(hasQty({ $eq: [{ $mod: [field("qty"), lit(5n)] }, lit(0n)] }))).toEqual(["b", "c", "e"]);
    expect(run({ $eq: [{ $neg: field("price") }, lit(-1)] })).toEqual(["b"]);
    expect(run({ $lt: [{ $sub: [field("price"), lit(1)] }, lit(0)] })).toEqual(["e"]);
    expect(run({ $eq: [{ $div: [field("price"), lit(2)] }, lit(0.5)] })).toEqual(["b"]);
  });

  it("reports evaluation errors like Convex", () => {
    const { db } = setup();
    const tx = db.begin();
    const q = tx.startQuery(scan("items", null, [{ filter: { $add: [field("name"), lit(1)] } }]));
    expect(expectError(() => tx.nextInQuery(q))).toBe('Cannot add "a" (type string) and 1.0 (type float64)');
    const q2 = tx.startQuery(scan("items", null, [{ filter: { $div: [field("qty"), lit(0n)] } }]));
    expect(expectError(() => tx.nextInQuery(q2))).toBe("Cannot divide 1 by zero");
    const q3 = tx.startQuery(scan("items", null, [{ filter: { $and: [field("name")] } }]));
    expect(expectError(() => tx.nextInQuery(q3))).toBe('Cannot use value "a" (type string) as a Boolean');
  });
});

describe("order, limit and streaming", () => {
  it("full table scans follow _creationTime, ascending by default", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(names(collect(tx, scan("items")))).toEqual(["a", "b", "c", "d", "e"]);
    expect(names(collect(tx, scan("items", "desc")))).toEqual(["e", "d", "c", "b", "a"]);
  });

  it("limit counts the documents that passed earlier filters", () => {
    const { db } = setup();
    const tx = db.begin();
    const q = scan("items", "desc", [{ filter: { $gt: [field("price"), lit(1)] } }, { limit: 2 }]);
    expect(names(collect(tx, q))).toEqual(["d", "c"]);
    expect(names(collect(tx, scan("items", null, [{ limit: 0 }])))).toEqual([]);
  });

  it("a query on a table that does not exist yet is empty", () => {
    const { db } = setup();
    expect(collect(db.begin(), scan("nothing"))).toEqual([]);
    expect(db.begin().count("nothing")).toBe(0);
  });

  it("a transaction sees its own inserts, patches and deletes in queries and gets", () => {
    const { db, ids } = setup();
    const tx = db.begin();
    tx.delete(ids[0]);
    tx.patch(ids[1], { name: "B", meta: undefined });
    const f = tx.insert("items", { name: "f", price: 9 });
    tx.replace(ids[2], { name: "C" });
    expect(names(collect(tx, scan("items")))).toEqual(["B", "C", "d", "e", "f"]);
    // Its fields (a stored document also carries its measured size under a symbol key).
    expect(Object.fromEntries(Object.entries(tx.get(ids[1])!))).toEqual({
      _id: ids[1],
      _creationTime: expect.any(Number),
      name: "B",
      qty: 5n,
      price: 1,
    });
    expect(tx.get(ids[0])).toBeNull();
    expect(tx.get(f)!.price).toBe(9);
    expect(tx.count("items")).toBe(5);
    // Other transactions do not see uncommitted writes.
    expect(names(collect(db.begin(), scan("items")))).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("documents keep their _id and _creationTime; later inserts get later creation times", () => {
    const { db, clock } = newDatabase(5000);
    const tx = db.begin();
    const a = tx.insert("t", { x: 1 });
    const b = tx.insert("t", { x: 2 });
    db.commit(tx);
    const r = db.begin();
    const [da, db2] = [r.get(a)!, r.get(b)!];
    expect(da._creationTime).toBe(5000);
    expect(db2._creationTime).toBeGreaterThan(5000);
    expect(db2._creationTime).toBeLessThan(5000.001);
    clock.now = 4000; // a clock going backwards still yields increasing creation times
    const tx2 = db.begin();
    const c = tx2.insert("t", { x: 3 });
    expect(tx2.get(c)!._creationTime).toBeGreaterThan(db2._creationTime);
  });
});

describe("writes", () => {
  it("reports writes to missing documents with the real texts", () => {
    const { db, ids } = setup();
    const tx = db.begin();
    tx.delete(ids[4]);
    expect(expectError(() => tx.patch(ids[4], { name: "z" }))).toBe(`Update on nonexistent document ID ${ids[4]}`);
    expect(expectError(() => tx.replace(ids[4], { name: "z" }))).toBe(`Replace on nonexistent document ID ${ids[4]}`);
    expect(expectError(() => tx.delete(ids[4]))).toBe(`Delete on nonexistent document ID ${ids[4]}`);
  });

  it("protects system fields and system tables", () => {
    const { db, ids } = setup();
    const tx = db.begin();
    expect(expectError(() => tx.insert("items", { _secret: 1 }))).toBe(
      "Field '_secret' starts with an underscore, which is only allowed for system fields like '_id'",
    );
    expect(expectError(() => tx.insert("_storage", { a: 1 }))).toBe("System tables (prefixed with `_`) are read-only.");
    expect(expectError(() => tx.insert("items", { $bad: 1 }))).toBe("Field name $bad starts with a '$', which is reserved.");
    // Patching with the same system field values is allowed.
    const doc = tx.get(ids[0])!;
    expect(tx.patch(ids[0], { _id: doc._id, _creationTime: doc._creationTime, name: "A" }).name).toBe("A");
  });

  it("table-name-first forms check the table", () => {
    const { db, ids } = setup();
    const tx = db.begin();
    const other = tx.insert("others", { z: 1 });
    expect(expectError(() => tx.patch(other, { z: 2 }, { table: "items" }))).toBe(
      'Invalid argument `id` for `db.patch`: expected to be an Id<"items">, got Id<"others"> instead.',
    );
    expect(tx.patch(ids[0], { z: 2 }, { table: "items" }).z).toBe(2);
  });

  it("system tables are written through system methods and read with isSystem", () => {
    const { db } = newDatabase();
    const tx = db.begin();
    const id = tx.systemInsert("_scheduled_functions", { name: "jobs.js:run", args: [{}], scheduledTime: 1, state: { kind: "pending" } });
    db.commit(tx);
    const r = db.begin();
    expect(expectError(() => r.get(id))).toBe("System tables can only be accessed with db.system.");
    expect(r.get(id, { isSystem: true })!.name).toBe("jobs.js:run");
    const user = db.begin();
    const userId = user.insert("notes", {});
    expect(expectError(() => user.get(userId, { isSystem: true }))).toBe("User tables cannot be accessed with db.system.");
    expect(collect(r, scan("_scheduled_functions")).length).toBe(1);
    const w = db.begin();
    expect(expectError(() => w.patch(id, { name: "x" }))).toBe("System tables (prefixed with `_`) are read-only.");
    expect(w.systemPatch(id, { state: { kind: "success" } }).state).toEqual({ kind: "success" });
    w.systemDelete(id);
    db.commit(w);
    expect(db.begin().get(id, { isSystem: true })).toBeNull();
    expect(db.tableNames()).toEqual([]);
  });

  it("db.vars.commitTs placeholders sort last while pending and become the commit timestamp", () => {
    const { db } = newDatabase();
    const placeholder = jsonToConvex({ $commitTs: null });
    const tx = db.begin();
    const a = tx.insert("stamps", { at: placeholder });
    const b = tx.insert("stamps", { at: 5n });
    const pending = collect(tx, scan("stamps", null, [{ filter: { $gt: [field("at"), lit(5n)] } }]));
    expect(pending.map((d) => d._id)).toEqual([a]);
    const commit = db.commit(tx);
    const r = db.begin();
    expect(r.get(a)!.at).toBe(commit.ts);
    expect(r.get(b)!.at).toBe(5n);
    expect(commit.writes.find((w) => w.id === a)!.after!.at).toBe(commit.ts);
  });

  it("savepoints roll back a failed nested call's writes", () => {
    const { db, ids } = setup();
    const tx = db.begin();
    tx.patch(ids[0], { name: "kept" });
    const sp = tx.savepoint();
    tx.patch(ids[0], { name: "lost" });
    const extra = tx.insert("items", { name: "lost too" });
    tx.rollbackTo(sp);
    expect(tx.get(ids[0])!.name).toBe("kept");
    expect(tx.get(extra)).toBeNull();
    expect(tx.writeSet().writes.map((w) => w.after?.name)).toEqual(["kept"]);
    db.commit(tx);
    expect(names(collect(db.begin(), scan("items")))).toEqual(["kept", "b", "c", "d", "e"]);
  });
});

describe("index ranges see their own writes", () => {
  it("an inserted document appears in a user index range", () => {
    const { db, clock } = newDatabase();
    seed(db, clock, "t", [{ k: 1 }, { k: 3 }]);
    const tx = db.begin();
    tx.insert("t", { k: 2 });
    expect(collect(tx, indexQuery("t.by_creation_time", [rangeExpr("Gt", "_creationTime", 0)])).map((d) => d.k)).toEqual([1, 3, 2]);
  });
});
