/** The SQLite table that keeps each sandbox's environment variables and their documents' `_id` and `_creationTime`. */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EnvironmentVariableStore } from "../../../src/sandbox/server/persistence/environment-variables.ts";

describe("EnvironmentVariableStore", () => {
  it("keeps variables with their documents' fields, per sandbox", () => {
    const db = new Database(":memory:");
    const store = new EnvironmentVariableStore(db);
    const doc = { _id: "jd7f2k3m4n5p6q7r8s9t0v1w2x3y4z5a", _creationTime: 1_700_000_000_123.25 };
    store.replace("a", { B: "2", A: "1" }, { A: doc });
    store.replace("b", { A: "other" });
    expect(store.load("a")).toEqual({ A: "1", B: "2" });
    expect(Object.keys(store.load("a"))).toEqual(["A", "B"]);
    expect(store.loadDocuments("a")).toEqual({ A: doc });
    expect(store.load("b")).toEqual({ A: "other" });
    expect(store.loadDocuments("b")).toEqual({});
    store.delete("a");
    expect([store.load("a"), store.loadDocuments("a")]).toEqual([{}, {}]);
    db.close();
  });

  it("opens a table written before documents were kept: the variables stay, without documents", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE TABLE environment_variables (sandbox_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (sandbox_id, name)) WITHOUT ROWID;
      INSERT INTO environment_variables VALUES ('a', 'OLD', 'kept');`);
    const store = new EnvironmentVariableStore(db);
    expect(store.load("a")).toEqual({ OLD: "kept" });
    expect(store.loadDocuments("a")).toEqual({});
    // Opening it again does not add the columns twice.
    expect(() => new EnvironmentVariableStore(db)).not.toThrow();
    db.close();
  });
});
