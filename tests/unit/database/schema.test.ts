import { defineSchema, defineTable } from "convex/server";
import { v, type Validator } from "convex/values";
import { describe, expect, it } from "vitest";
import { checkValue, type SchemaJson, type ValidatorJson } from "../../../src/sandbox/database/index.ts";
import { collect, expectError, indexQuery, newDatabase, rangeExpr, schemaJson, seed } from "./helpers.ts";

const json = (validator: Validator<unknown, "required" | "optional", string>) =>
  (validator as unknown as { json: ValidatorJson }).json;
const noIds = { isIdOfTable: () => false };
const check = (value: Parameters<typeof checkValue>[0], validator: Validator<unknown, "required" | "optional", string>) =>
  checkValue(value, json(validator), noIds);

describe("checkValue", () => {
  it("accepts matching values", () => {
    expect(check({ a: "x", b: 1n, c: [1, 2], d: null, e: true, f: new ArrayBuffer(1) }, v.object({ a: v.string(), b: v.int64(), c: v.array(v.number()), d: v.null(), e: v.boolean(), f: v.bytes(), g: v.optional(v.string()) }))).toBeNull();
    expect(check("b", v.union(v.literal("a"), v.literal("b")))).toBeNull();
    expect(check({ k1: 1, k2: 2 }, v.record(v.string(), v.number()))).toBeNull();
    expect(check(undefined, v.any())).toBeNull();
  });

  it("reports a type mismatch with its path", () => {
    expect(check({ a: { b: ["x", 3] } }, v.object({ a: v.object({ b: v.array(v.string()) }) }))).toBe(
      "Value does not match validator.\nPath: .a.b[1]\nValue: 3.0\nValidator: v.string()",
    );
    expect(check(5n, v.number())).toBe("Value does not match validator.\n\nValue: 5\nValidator: v.float64()");
  });

  it("reports missing and extra fields with the object and its validator", () => {
    expect(check({ a: 1 }, v.object({ a: v.number(), b: v.string() }))).toBe(
      "Object is missing the required field `b`. Consider wrapping the field validator in `v.optional(...)` if this is expected.\n\nObject: {a: 1.0}\nValidator: v.object({a: v.float64(), b: v.string()})",
    );
    expect(check({ x: { a: 1, z: "extra" } }, v.object({ x: v.object({ a: v.number(), o: v.optional(v.string()) }) }))).toBe(
      'Object contains extra field `z` that is not in the validator.\nPath: .x\nObject: {a: 1.0, z: "extra"}\nValidator: v.object({a: v.float64(), o: v.optional(v.string())})',
    );
  });

  it("reports literal and union mismatches", () => {
    expect(check("c", v.literal("a"))).toBe('`"c"` does not match literal validator `v.literal("a")`.');
    expect(check({ s: 2 }, v.object({ s: v.literal(1n) }))).toBe("`2.0` does not match literal validator `v.literal(<bigint>)`.Path: .s");
    expect(check(1, v.union(v.string(), v.null()))).toBe(
      "Value does not match validator.\n\nValue: 1.0\nValidator: v.union(v.string(), v.null())",
    );
  });

  it("checks IDs against their table", () => {
    const opts = { isIdOfTable: (id: string, t: string) => id === "ok" && t === "users", tableNameOfId: (id: string) => (id === "msg" ? "messages" : id === "file" ? "_storage" : null) };
    expect(checkValue("ok", json(v.id("users")), opts)).toBeNull();
    expect(checkValue("msg", json(v.id("users")), opts)).toBe(
      'Found ID "msg" from table `messages`, which does not match the table name in validator `v.id("users")`.',
    );
    expect(checkValue("file", json(v.id("users")), opts)).toBe(
      'Found ID "file" from a system table, which does not match the table name in validator `v.id("users")`.',
    );
    expect(checkValue("nope", json(v.id("users")), opts)).toBe(
      'Value does not match validator.\n\nValue: "nope"\nValidator: v.id("users")',
    );
  });
});

describe("schema enforcement", () => {
  const schema = defineSchema({
    users: defineTable({ name: v.string(), age: v.optional(v.number()) }).index("by_name", ["name"]),
    posts: defineTable({ author: v.id("users"), body: v.string() }),
  });

  it("validates every insert, patch and replace against the table's validator", () => {
    const { db } = newDatabase();
    db.setSchema(schemaJson(schema));
    const tx = db.begin();
    const u = tx.insert("users", { name: "ann" });
    expect(expectError(() => tx.insert("users", { name: 3 }))).toBe(
      'Failed to insert or update a document in table "users" because it does not match the schema: Value does not match validator.\nPath: .name\nValue: 3.0\nValidator: v.string()',
    );
    expect(expectError(() => tx.patch(u, { name: undefined }))).toBe(
      `Failed to insert or update a document in table "users" because it does not match the schema: Object is missing the required field \`name\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n\nObject: {_creationTime: ${tx.get(u)!._creationTime}.0, _id: "${u}"}\nValidator: v.object({_creationTime: v.float64(), _id: v.id("users"), age: v.optional(v.float64()), name: v.string()})`,
    );
    expect(expectError(() => tx.replace(u, { name: "x", extra: true }))).toContain("Object contains extra field `extra` that is not in the validator.");
    const p = tx.insert("posts", { author: u, body: "hi" });
    expect(expectError(() => tx.insert("posts", { author: p, body: "hi" }))).toBe(
      `Failed to insert or update a document in table "posts" because it does not match the schema: Found ID "${p}" from table \`posts\`, which does not match the table name in validator \`v.id("users")\`.Path: .author`,
    );
    // Tables outside the schema accept anything.
    tx.insert("scratch", { anything: [1, "two"] });
  });

  it("skips validation when schemaValidation is false", () => {
    const { db } = newDatabase();
    db.setSchema(schemaJson(defineSchema({ users: defineTable({ name: v.string() }) }, { schemaValidation: false })));
    const tx = db.begin();
    tx.insert("users", { name: 5 });
    db.commit(tx);
  });

  it("a schema push that existing documents violate fails, names the document and keeps the old schema", () => {
    const { db, clock } = newDatabase();
    const [id] = seed(db, clock, "users", [{ name: 42 }]);
    const message = expectError(() => db.setSchema(schemaJson(schema)));
    expect(message).toBe(
      `Document with ID "${id}" in table "users" does not match the schema: Value does not match validator.\nPath: .name\nValue: 42.0\nValidator: v.string()`,
    );
    expect(db.getSchema()).toBeNull();
    expect(expectError(() => db.begin().startQuery(indexQuery("users.by_name")))).toBe("Index users.by_name not found.");
  });

  it("builds indexes over existing documents when the schema adds them", () => {
    const { db, clock } = newDatabase();
    seed(db, clock, "users", [{ name: "zed" }, { name: "amy" }, { name: "kim" }]);
    db.setSchema(schemaJson(schema));
    const tx = db.begin();
    expect(collect(tx, indexQuery("users.by_name")).map((d) => d.name)).toEqual(["amy", "kim", "zed"]);
    expect(collect(tx, indexQuery("users.by_name", [rangeExpr("Gt", "name", "b")])).map((d) => d.name)).toEqual(["kim", "zed"]);
    expect(db.tableNames()).toEqual(["posts", "users"]);
    db.setSchema(null);
    expect(expectError(() => db.begin().startQuery(indexQuery("users.by_name")))).toBe("Index users.by_name not found.");
  });
});

describe("schema push validation", () => {
  const push = (tables: SchemaJson["tables"]) => {
    const { db } = newDatabase();
    return expectError(() => db.setSchema({ tables, schemaValidation: true }));
  };
  const table = (tableName: string, indexes: Array<[string, string[]]> = []) => ({
    tableName,
    indexes: indexes.map(([indexDescriptor, fields]) => ({ indexDescriptor, fields })),
    searchIndexes: [],
    documentType: { type: "any" as const },
  });

  it("rejects bad table and index definitions with Convex's messages", () => {
    expect(push([table("9lives")])).toBe(
      'Invalid table name: "9lives". Identifiers must start with a letter and can only contain letters, digits, and underscores.',
    );
    expect(push([table("_mine")])).toBe("_mine is a reserved table name.");
    expect(push([table("t", [["by_id", ["a"]]])])).toBe(
      'In table "t" cannot name an index "by_id" because the name is reserved. Indexes may not start with an underscore or be named "by_id" or "by_creation_time".',
    );
    expect(push([table("t", [["by_a", ["a"]], ["by_a", ["b"]]])])).toBe('Table "t" has two or more definitions of index "by_a".');
    expect(push([table("t", [["by_a", ["a"]], ["by_a2", ["a"]]])])).toBe(
      'In table "t" index "by_a" and index "by_a2" have the same fields. Indexes must be unique within a table.',
    );
    expect(push([table("t", [["by_id2", ["_id"]]])])).toBe("`_id` is not a valid index field. To load documents by ID, use `db.get(id)`.");
    expect(push([table("t", [["by_ct", ["_creationTime"]]])])).toBe(
      "`_creationTime` is automatically added to the end of each index. It should not be added explicitly in the index definition. See https://docs.convex.dev/using/indexes for more details.",
    );
    expect(push([table("t", [["by_aa", ["a", "a"]]])])).toBe('Duplicate field "a". Index fields must be unique within an index.');
    expect(push([table("t", [["by_none", []]])])).toBe('In table "t" index "by_none" must have at least one field.');
  });

  it("rejects invalid table names on insert too", () => {
    const { db } = newDatabase();
    expect(expectError(() => db.begin().insert("bad-name", {}))).toBe(
      'Invalid table name: "bad-name". Identifiers must start with a letter and can only contain letters, digits, and underscores.',
    );
  });
});
