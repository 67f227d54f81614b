import { v, type Validator } from "convex/values";
import { describe, expect, it } from "vitest";
import { checkValue, type ValidatorJson } from "../../../src/sandbox/database/index.ts";

const json = (validator: Validator<unknown, "required" | "optional", string>) =>
  (validator as unknown as { json: ValidatorJson }).json;
const noIds = { isIdOfTable: () => false };

describe("checkValue with one validator over many values", () => {
  const doc = json(v.object({ a: v.number(), b: v.optional(v.string()), tags: v.array(v.string()) }));

  it("gives each value its own answer", () => {
    expect(checkValue({ a: 1, tags: [] }, doc, noIds)).toBeNull();
    expect(checkValue({ a: 1, b: "x", tags: ["t"] }, doc, noIds)).toBeNull();
    expect(checkValue({ a: 1, b: undefined, tags: [] }, doc, noIds)).toBeNull();
    expect(checkValue({ a: "1", tags: [] }, doc, noIds)).toBe(
      'Value does not match validator.\nPath: .a\nValue: "1"\nValidator: v.float64()',
    );
    expect(checkValue({ a: 1, tags: ["ok", 2] }, doc, noIds)).toBe(
      "Value does not match validator.\nPath: .tags[1]\nValue: 2.0\nValidator: v.string()",
    );
    expect(checkValue({ a: 1, tags: [] }, doc, noIds)).toBeNull();
  });

  it("finds the first extra field in name order, also when as many fields are present as declared", () => {
    // Two declared fields present plus one extra, or one declared optional field missing and one extra.
    expect(checkValue({ a: 1, tags: [], zz: 1, c: 2 }, doc, noIds)).toMatch(/^Object contains extra field `c`/);
    expect(checkValue({ a: 1, tags: [], c: 2 }, doc, noIds)).toMatch(/^Object contains extra field `c`/);
    expect(checkValue({ a: 1, tags: [], c: undefined }, doc, noIds)).toBeNull();
  });

  it("does not count a field every object inherits as present", () => {
    const withToString = json(v.object({ toString: v.optional(v.any()) }));
    expect(checkValue({ other: 1 }, withToString, noIds)).toMatch(/^Object contains extra field `other`/);
    expect(checkValue({ toString: 1 }, withToString, noIds)).toBeNull();
  });

  it("checks records and unions member by member", () => {
    const scores = json(v.record(v.string(), v.union(v.number(), v.null())));
    expect(checkValue({ x: 1, y: null, z: undefined }, scores, noIds)).toBeNull();
    expect(checkValue({ x: 1, y: "no" }, scores, noIds)).toBe(
      'Value does not match validator.\nPath: .values()\nValue: "no"\nValidator: v.union(v.float64(), v.null())',
    );
  });

  it("asks the ID check every time (its answer may differ per call)", () => {
    const ref = json(v.object({ user: v.id("users") }));
    expect(checkValue({ user: "u1" }, ref, { isIdOfTable: (id, t) => id === "u1" && t === "users" })).toBeNull();
    expect(checkValue({ user: "u1" }, ref, noIds)).toBe(
      'Value does not match validator.\nPath: .user\nValue: "u1"\nValidator: v.id("users")',
    );
  });
});
