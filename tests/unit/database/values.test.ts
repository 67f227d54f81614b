import { compareValues, type Value } from "convex/values";
import { describe, expect, it } from "vitest";
import { encodeValue, prefixSuccessor } from "../../../src/sandbox/database/values/indexKey.ts";
import { formatValue } from "../../../src/sandbox/database/values/display.ts";
import { checkDocumentLimits, valueNesting, valueSize } from "../../../src/sandbox/database/values/size.ts";
import { formatBytes } from "../../../src/sandbox/database/limits.ts";

const bytes = (...b: number[]) => new Uint8Array(b).buffer as ArrayBuffer;

// One or more samples of every type, in the order convex/values sorts them.
const ordered: Array<Value | undefined> = [
  undefined,
  null,
  -(2n ** 63n),
  -1n,
  0n,
  1n,
  2n ** 63n - 1n,
  -Infinity,
  -1e300,
  -1,
  -0,
  0,
  Number.MIN_VALUE,
  0.5,
  1,
  1e300,
  Infinity,
  false,
  true,
  "",
  "\u0000",
  "a",
  "a\u0000",
  "ab",
  "b",
  "é",
  "😀",
  bytes(),
  bytes(0),
  bytes(0, 0),
  bytes(1),
  bytes(255),
  [],
  [null],
  [1n],
  [1n, 2n],
  [1],
  ["a"],
  {},
  { a: null },
  { a: 1 },
  { a: 1, b: 1 },
  { b: 0 },
];

describe("index key encoding", () => {
  it("sorts every pair of values exactly as compareValues does", () => {
    for (const a of ordered) {
      for (const b of ordered) {
        const byKey = Math.sign(encodeValue(a) < encodeValue(b) ? -1 : encodeValue(a) > encodeValue(b) ? 1 : 0);
        expect([formatValue(a), formatValue(b), byKey]).toEqual([formatValue(a), formatValue(b), Math.sign(compareValues(a, b))]);
      }
    }
  });

  it("lists the samples in ascending order", () => {
    const keys = ordered.map(encodeValue);
    expect([...keys].sort()).toEqual(keys);
  });

  it("is prefix-free for composite keys: a shorter string sorts before its extensions in a compound key", () => {
    const k1 = encodeValue("a") + encodeValue(5n);
    const k2 = encodeValue("ab") + encodeValue(1n);
    expect(k1 < k2).toBe(true);
  });

  it("computes prefix successors", () => {
    expect(prefixSuccessor("ab")).toBe("ac");
    expect(prefixSuccessor("a\xff")).toBe("b");
    expect(prefixSuccessor("\xff\xff")).toBeNull();
    expect(prefixSuccessor("")).toBeNull();
  });
});

describe("value display in errors", () => {
  it("prints floats with a fraction, int64 bare, strings quoted, bytes as base64, objects sorted", () => {
    expect(formatValue(1)).toBe("1.0");
    expect(formatValue(1.5)).toBe("1.5");
    expect(formatValue(-0)).toBe("-0.0");
    expect(formatValue(3n)).toBe("3");
    expect(formatValue('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(formatValue(bytes(1, 2, 3))).toBe('b"AQID"');
    expect(formatValue({ b: [true, null], a: "x" })).toBe('{a: "x", b: [true, null]}');
  });
});

describe("sizes and document limits", () => {
  it("measures values as Convex does", () => {
    expect(valueSize(null)).toBe(1);
    expect(valueSize(1)).toBe(9);
    expect(valueSize(1n)).toBe(9);
    expect(valueSize("abc")).toBe(5);
    expect(valueSize([1, 2])).toBe(20);
    expect(valueSize({ ab: true })).toBe(2 + 2 + 1 + 1);
    expect(valueNesting({ a: [{ b: 1 }] })).toBe(3);
  });

  it("rejects documents that are too large, too nested, or hold too long an array", () => {
    const big = { s: "x".repeat(1 << 20) };
    expect(() => checkDocumentLimits(big)).toThrow("Value is too large (1 MiB > maximum size 1 MiB)");
    let nested: Value = 1;
    for (let i = 0; i < 17; i++) nested = { n: nested };
    expect(() => checkDocumentLimits(nested as Record<string, Value>)).toThrow(
      "Document is too nested (nested 17 levels deep > maximum nesting 16)",
    );
    expect(() => checkDocumentLimits({ a: new Array(8193).fill(0) })).toThrow(
      "Array length is too long (8193 > maximum length 8192)",
    );
    expect(checkDocumentLimits({ a: new Array(8192).fill(0) })).toBe(2 + 2 + 2 + 8192 * 9);
  });

  it("formats byte counts like Convex", () => {
    expect(formatBytes(16 * 1024 * 1024)).toBe("16 MiB");
    expect(formatBytes(1534)).toBe("1534 bytes");
    expect(formatBytes(1000)).toBe("1 KB");
    expect(formatBytes(4_718_592)).toBe("4.5 MiB");
    expect(formatBytes(0)).toBe("0 bytes");
  });
});
