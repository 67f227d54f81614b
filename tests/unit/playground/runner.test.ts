import { describe, expect, it } from "vitest";
import { v } from "convex/values";
import { argsTemplate } from "../../../src/lib/playground/runner/argsTemplate";
import { formatValue } from "../../../src/lib/playground/runner/formatValue";
import { parseArgs } from "../../../src/lib/playground/runner/runFunction";

const exportArgs = (validator: any) => JSON.parse(JSON.stringify(validator.json));

describe("argsTemplate", () => {
  it("fills required fields from the validators and leaves optional ones out", () => {
    const args = exportArgs(
      v.object({ text: v.string(), count: v.number(), big: v.int64(), done: v.boolean(), tag: v.optional(v.string()), kind: v.union(v.literal("a"), v.literal("b")), owner: v.id("users"), list: v.array(v.string()) }),
    );
    const text = argsTemplate(args);
    expect(JSON.parse(text)).toEqual({ text: "", count: 0, big: { $integer: "AAAAAAAAAAA=" }, done: false, kind: "a", owner: "", list: [] });
    // The template round-trips through the runner's parser into real Convex values.
    expect(parseArgs(text).big).toBe(0n);
  });

  it("starts unvalidated functions with {}", () => {
    expect(argsTemplate(null)).toBe("{}");
    expect(argsTemplate({ type: "any" })).toBe("{}");
  });
});

describe("parseArgs", () => {
  it("explains bad input", () => {
    expect(() => parseArgs("{text:")).toThrow(/not valid JSON/);
    expect(() => parseArgs("[1]")).toThrow(/must be a JSON object/);
    expect(parseArgs("")).toEqual({});
  });
});

describe("formatValue", () => {
  it("keeps Convex types visible", () => {
    expect(formatValue(12n)).toBe("12n");
    expect(formatValue(-0)).toBe("-0");
    expect(formatValue(new Uint8Array([1, 2, 255]).buffer)).toBe("ArrayBuffer(3) <01 02 ff>");
    expect(formatValue({ a: "x", "b-c": null })).toBe('{ a: "x", "b-c": null }');
    expect(formatValue([1, 2])).toBe("[1, 2]");
  });

  it("breaks long documents over lines", () => {
    const doc = { _id: "k57abcdefghijklmnopqrstuvwxyz12345", _creationTime: 1700000000000.5, text: "a fairly long piece of text" };
    expect(formatValue([doc])).toBe(
      '[\n  {\n    _id: "k57abcdefghijklmnopqrstuvwxyz12345",\n    _creationTime: 1700000000000.5,\n    text: "a fairly long piece of text"\n  }\n]',
    );
  });
});
