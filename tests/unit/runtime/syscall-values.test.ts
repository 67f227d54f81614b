import { CommitTsPlaceholder, jsonToConvex } from "convex/values";
import { describe, expect, it } from "vitest";
import { fromJson, fromOwnedJson, objectFromJson } from "../../../src/sandbox/runtime/syscalls/values.ts";

/** What `jsonToConvex` returns or throws, for comparison. */
function reference(json: unknown): { value: unknown } | { error: string } {
  try {
    return { value: jsonToConvex(json as never) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function decoded(json: unknown): { value: unknown } | { error: string } {
  try {
    return { value: fromJson(json) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe("syscall value decoding", () => {
  it("returns what jsonToConvex returns, special encodings included", () => {
    const samples: unknown[] = [
      null,
      true,
      1.5,
      "text",
      [1, "a", [null]],
      { a: 1, b: { c: [true, "x"] }, "10": 2, "2": 3 },
      { $integer: "AQAAAAAAAAA=" },
      { $float: "AAAAAAAA+H8=" },
      { $bytes: "AAE=" },
      { nested: [{ $integer: "AgAAAAAAAAA=" }, { deeper: { $bytes: "" } }] },
    ];
    for (const json of samples) expect(decoded(json)).toEqual(reference(json));
    expect(fromJson({ $integer: "AQAAAAAAAAA=" })).toBe(1n);
    expect(fromJson({ at: { $commitTs: null } })).toEqual({ at: expect.any(CommitTsPlaceholder) });
    // Keys keep jsonToConvex's order.
    expect(Object.keys(fromJson({ b: 1, a: 2, "1": 3 }) as object)).toEqual(["1", "b", "a"]);
  });

  it("rejects what jsonToConvex rejects, with its message, first problem first", () => {
    const samples: unknown[] = [
      { $set: [] },
      { $map: [] },
      { $bytes: 1 },
      { $integer: "AQ==" },
      { $float: "AAAAAAAA8D8=" },
      { a: 1, $b: 2 },
      { "bad\nname": 1 },
      { é: 1 },
      { ["x".repeat(1025)]: 1 },
      { ok: [1, { $unknown: 1 }], later: { $set: [] } },
      { first: { $bytes: 3 }, "bad\tname": 1 },
      { a: undefined },
      [1, undefined],
      undefined,
    ];
    for (const json of samples) {
      const expected = reference(json);
      expect("error" in expected).toBe(true);
      expect(decoded(json)).toEqual(expected);
    }
  });

  it("treats a `__proto__` field exactly as jsonToConvex does", () => {
    const json = JSON.parse('{"__proto__": {"x": 1}, "y": 2}');
    const value = fromJson(json) as Record<string, unknown>;
    const expected = jsonToConvex(json) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(Object.keys(expected));
    expect(Object.getPrototypeOf(value)).toEqual(Object.getPrototypeOf(expected));
  });

  it("never changes its input", () => {
    const json = { a: { $integer: "AQAAAAAAAAA=" }, b: [{ c: 1 }] };
    const copy = structuredClone(json);
    fromJson(json);
    expect(json).toEqual(copy);
  });

  it("decodes owned JSON like fromJson, reusing it only when nothing needs decoding", () => {
    const plain = JSON.parse('{"a": [1, {"b": "x"}], "c": null, "10": true}');
    expect(fromOwnedJson(plain)).toBe(plain);
    const samples: unknown[] = [
      { a: { b: { $integer: "AQAAAAAAAAA=" } }, c: 1 },
      { a: { b: { $integer: "AQAAAAAAAAA=" } }, $bad: 1 },
      [{ ok: 1 }, { $bytes: "AAE=" }],
      { "bad\nname": 1 },
      JSON.parse('{"__proto__": {"x": 1}, "y": 2}'),
    ];
    for (const json of samples) {
      const expected = reference(structuredClone(json));
      let got: { value: unknown } | { error: string };
      try {
        got = { value: fromOwnedJson(json) };
      } catch (e) {
        got = { error: (e as Error).message };
      }
      expect(got).toEqual(expected);
    }
  });

  it("requires an object where a document is expected", () => {
    expect(() => objectFromJson([1], "The inserted value")).toThrow("The inserted value must be an object");
    expect(() => objectFromJson({ $integer: "AQAAAAAAAAA=" }, "The inserted value")).toThrow(
      "The inserted value must be an object",
    );
  });
});
