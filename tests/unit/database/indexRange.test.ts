import type { Document } from "../../../src/sandbox/database/index.ts";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { describe, expect, it } from "vitest";
import { collect, expectError, indexQuery, newDatabase, rangeExpr, schemaJson, seed } from "./helpers.ts";

function setup() {
  const { db, clock } = newDatabase();
  db.setSchema(
    schemaJson(
      defineSchema({
        messages: defineTable({ channel: v.string(), author: v.string(), n: v.number(), tag: v.optional(v.string()) })
          .index("by_channel", ["channel"])
          .index("by_channel_author_n", ["channel", "author", "n"])
          .index("by_n", ["n"])
          .index("by_tag", ["tag"]),
      }),
    ),
  );
  const rows = [];
  for (let i = 0; i < 20; i++) {
    rows.push({ channel: i % 2 ? "odd" : "even", author: i % 3 === 0 ? "ann" : "bob", n: i, ...(i % 5 === 0 ? {} : { tag: `t${i % 4}` }) });
  }
  const ids = seed(db, clock, "messages", rows);
  return { db, ids };
}

const ns = (docs: Document[]) => docs.map((d) => d.n);

describe("withIndex ranges", () => {
  it("eq on a single-field index returns matches in index order (then _creationTime)", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(ns(collect(tx, indexQuery("messages.by_channel", [rangeExpr("Eq", "channel", "odd")])))).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
    expect(ns(collect(tx, indexQuery("messages.by_channel", [rangeExpr("Eq", "channel", "odd")], "desc")))).toEqual([19, 17, 15, 13, 11, 9, 7, 5, 3, 1]);
  });

  it("compound eq prefix then bounds on the next field", () => {
    const { db } = setup();
    const tx = db.begin();
    const q = (range: ReturnType<typeof rangeExpr>[]) => ns(collect(tx, indexQuery("messages.by_channel_author_n", range)));
    expect(q([rangeExpr("Eq", "channel", "even"), rangeExpr("Eq", "author", "bob")])).toEqual([2, 4, 8, 10, 14, 16]);
    expect(q([rangeExpr("Eq", "channel", "even"), rangeExpr("Eq", "author", "bob"), rangeExpr("Gt", "n", 4), rangeExpr("Lte", "n", 14)])).toEqual([8, 10, 14]);
    expect(q([rangeExpr("Eq", "channel", "even"), rangeExpr("Eq", "author", "bob"), rangeExpr("Gte", "n", 4), rangeExpr("Lt", "n", 14)])).toEqual([4, 8, 10]);
    expect(q([rangeExpr("Eq", "channel", "even"), rangeExpr("Gte", "author", "b")])).toEqual([2, 4, 8, 10, 14, 16]);
    expect(q([rangeExpr("Eq", "channel", "odd"), rangeExpr("Lt", "author", "b")])).toEqual([3, 9, 15]);
  });

  it("bounds on a float field, missing fields as undefined, and _creationTime after the declared fields", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(ns(collect(tx, indexQuery("messages.by_n", [rangeExpr("Gt", "n", 16.5)])))).toEqual([17, 18, 19]);
    expect(ns(collect(tx, indexQuery("messages.by_n", [rangeExpr("Lt", "n", 1.5)], "desc")))).toEqual([1, 0]);
    expect(ns(collect(tx, indexQuery("messages.by_tag", [rangeExpr("Eq", "tag", undefined)])))).toEqual([0, 5, 10, 15]);
    const all = collect(tx, indexQuery("messages.by_channel", [rangeExpr("Eq", "channel", "even")]));
    const t = all[2]._creationTime;
    expect(
      ns(collect(tx, indexQuery("messages.by_channel", [rangeExpr("Eq", "channel", "even"), rangeExpr("Gt", "_creationTime", t)]))),
    ).toEqual([6, 8, 10, 12, 14, 16, 18]);
  });

  it("built-in by_creation_time and by_id", () => {
    const { db, ids } = setup();
    const tx = db.begin();
    const docs = collect(tx, indexQuery("messages.by_creation_time", [rangeExpr("Gte", "_creationTime", 0)], "desc"));
    expect(ns(docs).slice(0, 3)).toEqual([19, 18, 17]);
    expect(ns(collect(tx, indexQuery("messages.by_id", [rangeExpr("Eq", "_id", ids[7])])))).toEqual([7]);
  });

  it("by_id, built on first use, stays exact through later writes, in the writing transaction and in later snapshots", () => {
    const { db, ids } = setup();
    const byId = (tx: ReturnType<typeof db.begin>, order: "asc" | "desc" = "asc") =>
      collect(tx, indexQuery("messages.by_id", [], order)).map((d) => d._id);
    const sorted = (list: string[]) => [...list].sort();

    const first = db.begin();
    expect(byId(first)).toEqual(sorted(ids));

    // A writer that built by_id before writing, and one that writes first and builds it after.
    const before = db.begin();
    expect(byId(before)).toEqual(sorted(ids));
    const added = before.insert("messages", { channel: "odd", author: "cy", n: 20 });
    before.delete(ids[3]);
    const live = sorted([...ids.filter((id) => id !== ids[3]), added]);
    expect(byId(before)).toEqual(live);
    expect(byId(before, "desc")).toEqual([...live].reverse());
    db.commit(before);

    const after = db.begin();
    const added2 = after.insert("messages", { channel: "even", author: "cy", n: 21 });
    after.delete(ids[4]);
    const live2 = sorted([...live.filter((id) => id !== ids[4]), added2]);
    expect(byId(after)).toEqual(live2);
    db.commit(after);

    expect(byId(db.begin())).toEqual(live2);
    // The first snapshot still reads its own documents.
    expect(byId(first)).toEqual(sorted(ids));
    expect(ns(collect(db.begin(), indexQuery("messages.by_id", [rangeExpr("Eq", "_id", added2)])))).toEqual([21]);
    expect(collect(db.begin(), indexQuery("messages.by_id", [rangeExpr("Eq", "_id", ids[4])]))).toEqual([]);
  });

  it("rejects an unknown index", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_nothing")))).toBe("Index messages.by_nothing not found.");
    expect(expectError(() => tx.startQuery(indexQuery("other.by_channel")))).toBe("Index other.by_channel not found.");
  });

  it("rejects fields used out of index order", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_channel_author_n", [rangeExpr("Eq", "channel", "a"), rangeExpr("Eq", "n", 3)])))).toBe(
      'Tried to query index messages.by_channel_author_n but the query didn\'t use the index fields in order.\nIndex fields: ["channel", "author", "n", "_creationTime"]\nQuery fields: ["channel", "n"]\nFirst incorrect field: "n"\nFor more information see https://docs.convex.dev/using/indexes.',
    );
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_channel_author_n", [rangeExpr("Gt", "author", "a")])))).toBe(
      'Tried to query index messages.by_channel_author_n but the query didn\'t use the index fields in order.\nIndex fields: ["channel", "author", "n", "_creationTime"]\nQuery fields: ["author"]\nFirst incorrect field: "author"\nFor more information see https://docs.convex.dev/using/indexes.',
    );
  });

  it("accepts equalities in any order as long as they cover an index prefix", () => {
    const { db } = setup();
    const tx = db.begin();
    const q = indexQuery("messages.by_channel_author_n", [rangeExpr("Eq", "author", "ann"), rangeExpr("Eq", "channel", "odd")]);
    expect(ns(collect(tx, q))).toEqual([3, 9, 15]);
  });

  it("rejects a field that is not in the index", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_channel", [rangeExpr("Eq", "author", "a")])))).toBe(
      'The index range included a comparison with "author", but messages.by_channel with fields ["channel", "_creationTime"] doesn\'t index this field. For more information see https://docs.convex.dev/using/indexes.',
    );
  });

  it("rejects bounds on two fields and repeated bounds", () => {
    const { db } = setup();
    const tx = db.begin();
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_channel_author_n", [rangeExpr("Gt", "channel", "a"), rangeExpr("Lt", "author", "b")])))).toBe(
      'Upper and lower bounds in `range` can only be applied to a single index field. This query against index messages.by_channel_author_n attempted to set a range bound on both "channel" and "author". Consider using `filter` instead. See https://docs.convex.dev/using/indexes for more info.',
    );
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_n", [rangeExpr("Gt", "n", 1), rangeExpr("Gte", "n", 2)])))).toBe(
      'Already defined lower bound in index range. Can\'t add "n" >= 2.0.',
    );
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_n", [rangeExpr("Lt", "n", 1), rangeExpr("Lte", "n", 2)])))).toBe(
      'Already defined upper bound in index range. Can\'t add "n" <= 2.0.',
    );
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_n", [rangeExpr("Eq", "n", 1), rangeExpr("Eq", "n", 2)])))).toBe(
      'Already defined equality bound in index range. Can\'t add "n" == 1.0.',
    );
    expect(expectError(() => tx.startQuery(indexQuery("messages.by_n", [rangeExpr("Eq", "n", 1), rangeExpr("Gt", "n", 0)])))).toBe(
      'Already defined inequality bound in index range. Can\'t add "n" == 1.0.',
    );
  });

  it("reads only the range (cost independent of the rest of the table)", () => {
    const { db } = setup();
    const tx = db.begin();
    collect(tx, indexQuery("messages.by_n", [rangeExpr("Gte", "n", 3), rangeExpr("Lt", "n", 6)]));
    expect(tx.metrics().documentsRead.used).toBe(3);
    expect(tx.metrics().databaseQueries.used).toBe(1);
  });
});
