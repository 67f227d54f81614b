import { describe, expect, it } from "vitest";
import { decodeCommit, encodeCommit } from "../../../src/sandbox/server/persistence/commit-codec.ts";
import { formatValue } from "../../../src/sandbox/server/http/value-format.ts";
import { parseClientMessage } from "../../../src/sandbox/sync/client-messages.ts";
import { decodeTs, encodeTs } from "../../../src/sandbox/sync/timestamps.ts";
import { splitTransition } from "../../../src/sandbox/sync/transition-chunks.ts";

describe("wire formats", () => {
  it("encodes timestamps as base64 of the u64's little-endian bytes", () => {
    expect(encodeTs(0n)).toBe("AAAAAAAAAAA=");
    expect(encodeTs(1n)).toBe("AQAAAAAAAAA=");
    expect(encodeTs(258n)).toBe("AgEAAAAAAAA=");
    expect(encodeTs(2n ** 64n - 1n)).toBe("//////////8=");
    for (const ts of [0n, 1n, 1_700_000_000_000_000_000n, 2n ** 63n - 1n]) expect(decodeTs(encodeTs(ts))).toBe(ts);
    expect(() => decodeTs("AAAA")).toThrow(/8 bytes/);
  });

  it("splits a long transition into ordered chunks that concatenate to the original", () => {
    const text = JSON.stringify({ type: "Transition", big: "é😀".repeat(5000) });
    const frames = splitTransition(text, 1000).map((f) => JSON.parse(f) as { type: string; chunk: string; partNumber: number; totalParts: number });
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.every((f, i) => f.type === "TransitionChunk" && f.partNumber === i && f.totalParts === frames.length)).toBe(true);
    expect(frames.map((f) => f.chunk).join("")).toBe(text);
    expect(splitTransition("{}", 1000)).toEqual(["{}"]);
  });

  it("stores commits with every Convex value type intact", () => {
    const doc = { _id: "abc", _creationTime: 1.5, n: 5n, bytes: new Uint8Array([1, 2]).buffer, f: NaN, nested: [{ a: null }] };
    const decoded = decodeCommit(encodeCommit({ ts: 123n, writes: [{ table: "t", id: "abc", before: null, after: doc }] }));
    expect(decoded.ts).toBe(123n);
    const after = decoded.writes[0].after!;
    expect(after.n).toBe(5n);
    expect([...new Uint8Array(after.bytes as ArrayBuffer)]).toEqual([1, 2]);
    expect(Number.isNaN(after.f)).toBe(true);
    expect(after.nested).toEqual([{ a: null }]);
  });

  it("exports clean json: int64 as a decimal string, bytes as base64", () => {
    expect(formatValue({ a: { $integer: "BQAAAAAAAAA=" }, b: { $bytes: "AQI=" }, c: [1, "x"] }, "json")).toEqual({ a: "5", b: "AQI=", c: [1, "x"] });
  });

  it("names what is wrong with a malformed client message", () => {
    expect(() => parseClientMessage("{")).toThrow("Received a message that is not valid JSON");
    expect(() => parseClientMessage('{"type":"Nope"}')).toThrow('Received a message of unknown type "Nope"');
    expect(() => parseClientMessage('{"type":"Mutation","requestId":1,"udfPath":"a:b"}')).toThrow("field `args` must be an array");
    expect(parseClientMessage('{"type":"Authenticate","tokenType":"None","baseVersion":0}')).toEqual({
      type: "Authenticate",
      tokenType: "None",
      baseVersion: 0,
    });
  });
});
