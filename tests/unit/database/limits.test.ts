import { describe, expect, it } from "vitest";
import { TRANSACTION_LIMITS } from "../../../src/sandbox/database/index.ts";
import { collect, expectError, newDatabase, scan } from "./helpers.ts";

const HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";

describe("transaction limits", () => {
  it("has Convex's default limits", () => {
    expect(TRANSACTION_LIMITS).toEqual({
      bytesRead: 16777216,
      documentsRead: 32000,
      databaseQueries: 4096,
      documentsWritten: 16000,
      bytesWritten: 16777216,
    });
  });

  it("too many writes", () => {
    const { db } = newDatabase();
    const tx = db.begin();
    for (let i = 0; i < 16000; i++) tx.insert("t", { i });
    expect(expectError(() => tx.insert("t", { i: -1 }))).toBe("Too many writes in a single function execution (limit: 16000)");
  });

  it("too many bytes written", () => {
    const { db } = newDatabase();
    const tx = db.begin();
    const chunk = "x".repeat(1000_000);
    for (let i = 0; i < 16; i++) tx.insert("t", { chunk });
    expect(expectError(() => tx.insert("t", { chunk }))).toBe(
      "Too many bytes written in a single function execution (limit: 16 MiB)",
    );
  });

  it("too many documents read, and too many bytes read", () => {
    const { db } = newDatabase();
    for (let round = 0; round < 3; round++) {
      const w = db.begin();
      for (let i = 0; i < 11000; i++) w.insert("t", { i });
      db.commit(w);
    }
    expect(expectError(() => collect(db.begin(), scan("t")))).toBe(
      `Too many documents read in a single function execution (limit: 32000). ${HELP}`,
    );

    const { db: db2 } = newDatabase();
    const chunk = "y".repeat(1000_000);
    for (let round = 0; round < 2; round++) {
      const tx = db2.begin();
      for (let i = 0; i < 9; i++) tx.insert("big", { chunk });
      db2.commit(tx);
    }
    expect(expectError(() => collect(db2.begin(), scan("big")))).toBe(
      `Too many bytes read in a single function execution (limit: 16777216 bytes). ${HELP}`,
    );
  });

  it("too many index ranges (gets and queries)", () => {
    const { db } = newDatabase();
    const w = db.begin();
    const id = w.insert("t", {});
    db.commit(w);
    const tx = db.begin();
    for (let i = 0; i < 4096; i++) tx.get(id);
    expect(expectError(() => tx.get(id))).toBe(`Too many reads in a single function execution (limit: 4096). ${HELP}`);
  });

  it("metrics report used and remaining", () => {
    const { db } = newDatabase();
    const tx = db.begin();
    const id = tx.insert("t", { a: "xy" });
    tx.get(id);
    const m = tx.metrics();
    const size = 2 + (1 + 1 + 4) + (3 + 1 + 2 + 32) + (13 + 1 + 9); // braces, a, _id, _creationTime
    expect(m).toEqual({
      bytesRead: { used: size, remaining: 16777216 - size },
      bytesWritten: { used: size, remaining: 16777216 - size },
      databaseQueries: { used: 1, remaining: 4095 },
      documentsRead: { used: 1, remaining: 31999 },
      documentsWritten: { used: 1, remaining: 15999 },
    });
  });

  it("a read counts the size of the version it reads, after patches and replaces too", () => {
    const { db } = newDatabase();
    const w = db.begin();
    const id = w.insert("t", { a: "xy" });
    db.commit(w);
    const base = 2 + (3 + 1 + 2 + 32) + (13 + 1 + 9); // braces, _id, _creationTime
    const bytesReadBy = (read: (tx: ReturnType<typeof db.begin>) => void) => {
      const tx = db.begin();
      read(tx);
      return tx.metrics().bytesRead.used;
    };
    expect(bytesReadBy((tx) => tx.get(id))).toBe(base + 1 + 1 + 4);
    const p = db.begin();
    p.patch(id, { a: "a much longer string" });
    db.commit(p);
    expect(bytesReadBy((tx) => tx.get(id))).toBe(base + 1 + 1 + 2 + 20);
    const r = db.begin();
    r.replace(id, { b: 1 });
    db.commit(r);
    expect(bytesReadBy((tx) => tx.get(id))).toBe(base + 1 + 1 + 9);
    // The patch's own read saw the stored version; its write counted the new one.
    const q = db.begin();
    q.patch(id, { b: 2, c: null });
    expect(q.metrics().bytesRead.used).toBe(base + 1 + 1 + 9);
    expect(q.metrics().bytesWritten.used).toBe(base + 1 + 1 + 9 + 1 + 1 + 1);
  });
});
