/**
 * Index keys: the byte format is pinned (pagination cursors carry it to
 * clients), and the order of encoded keys equals Convex's order of values
 * across every type, including the edge cases of each.
 */
import { compareValues, type Value } from "convex/values";
import { describe, expect, it } from "vitest";
import { encodeValue, encodeValues } from "../../../src/sandbox/database/values/indexKey.ts";
import { formatValue } from "../../../src/sandbox/database/values/display.ts";

const bytes = (...b: number[]) => new Uint8Array(b).buffer as ArrayBuffer;
const hex = (key: string) => Array.from(key, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(" ");

describe("index key format", () => {
  it("writes each type with its tag and an order-preserving body", () => {
    expect(hex(encodeValue(undefined))).toBe("01");
    expect(hex(encodeValue(null))).toBe("02");
    expect(hex(encodeValue(1n))).toBe("03 80 00 00 00 00 00 00 01");
    expect(hex(encodeValue(-1n))).toBe("03 7f ff ff ff ff ff ff ff");
    expect(hex(encodeValue(1))).toBe("04 bf f0 00 00 00 00 00 00");
    expect(hex(encodeValue(-1))).toBe("04 40 0f ff ff ff ff ff ff");
    expect(hex(encodeValue(true))).toBe("05 01");
    expect(hex(encodeValue("a\u0000é"))).toBe("06 61 00 ff c3 a9 00 00");
    expect(hex(encodeValue(bytes(0, 1)))).toBe("07 00 ff 01 00 00");
    expect(hex(encodeValue([1n, "x"]))).toBe("08 03 80 00 00 00 00 00 00 01 06 78 00 00 00");
    expect(hex(encodeValue({ b: null, a: true, skip: undefined }))).toBe("09 01 61 00 00 05 01 01 62 00 00 02 00");
  });

  it("a compound key is the concatenation of its values' keys", () => {
    expect(encodeValues([1, "x", null])).toBe(encodeValue(1) + encodeValue("x") + encodeValue(null));
    expect(encodeValues([])).toBe("");
  });

  it("keys are byte strings, whatever the size", () => {
    const long = "ü".repeat(5000) + "\u0000" + "z".repeat(3000);
    const key = encodeValue([long, bytes(...Array.from({ length: 3000 }, (_, i) => i % 256))]);
    expect(Array.from(key).every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(key.length).toBeGreaterThan(16000);
    // The writer is reusable after a long key and after a failure.
    expect(() => encodeValue([1, Symbol("no") as unknown as Value])).toThrow("Cannot encode");
    expect(hex(encodeValue(null))).toBe("02");
  });
});

describe("index key order", () => {
  const samples: Array<Value | undefined> = [
    undefined,
    null,
    -(2n ** 63n),
    -(2n ** 62n),
    -1n,
    0n,
    1n,
    2n ** 53n + 1n,
    2n ** 63n - 1n,
    -Infinity,
    -Number.MAX_VALUE,
    -1,
    -Number.MIN_VALUE,
    -0,
    0,
    Number.MIN_VALUE,
    1,
    2 ** 53,
    Number.MAX_VALUE,
    Infinity,
    NaN,
    false,
    true,
    "",
    "\u0000",
    "\u0000\u0000",
    "\u0001",
    "A",
    "a",
    "a\u0000",
    "a\u0000b",
    "ab",
    "\u007f",
    "\u0080",
    "é",
    "\uffff",
    "😀",
    bytes(),
    bytes(0),
    bytes(0, 0),
    bytes(0, 255),
    bytes(1),
    bytes(255, 255),
    [],
    [null],
    [[]],
    [[1n]],
    [[1n], 0n],
    [[1n, 0n]],
    [0n],
    [0n, null],
    [1],
    ["a"],
    ["a", "b"],
    ["ab"],
    [bytes()],
    [{}],
    {},
    { a: null },
    { a: 1n },
    { a: 1 },
    { a: [1] },
    { a: { b: 1 } },
    { a: 1, b: 1 },
    { a: 2 },
    { aa: 0 },
    { b: 0 },
  ];

  it("equals compareValues from convex/values for every pair", () => {
    const mismatches: string[] = [];
    for (const a of samples) {
      for (const b of samples) {
        const ka = encodeValue(a);
        const kb = encodeValue(b);
        const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
        const expected = Math.sign(compareValues(a, b));
        if (byKey !== expected) mismatches.push(`${formatValue(a)} vs ${formatValue(b)}: key ${byKey}, Convex ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("compound keys order by the first value, then the next (shorter values first)", () => {
    const keys = [
      encodeValues(["a", 9n]),
      encodeValues(["a\u0000", 0n]),
      encodeValues(["ab", 0n]),
      encodeValues([[1n], 5n]),
      encodeValues([[1n, 0n], 0n]),
    ];
    expect([...keys].sort()).toEqual(keys);
  });
});
