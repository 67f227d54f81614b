import { describe, expect, it } from "vitest";
import type { CallOutcome } from "../../../src/sandbox/runtime/types.ts";
import { encodeTs } from "../../../src/sandbox/sync/timestamps.ts";
import { queryUpdatedText, transitionText } from "../../../src/sandbox/sync/transition-text.ts";

function outcome(value: CallOutcome["value"], logLines: string[] = []): CallOutcome {
  return { status: "success", value, logLines, ts: 5n, durationMs: 1 };
}

describe("transitionText", () => {
  it("writes what JSON.stringify writes for the same Transition", () => {
    const shared = outcome({ text: 'quote " and \u2028 line', n: { $integer: "AQAAAAAAAAA=" }, list: [1, null, true] }, ["[LOG] 'a'"]);
    const text = transitionText({
      startVersion: { querySet: 1, identity: 0, ts: 7n },
      endVersion: { querySet: 2, identity: 1, ts: 9n },
      modifications: [queryUpdatedText(0, shared, null), queryUpdatedText(3, shared, '{"cursor":"x"}'), JSON.stringify({ type: "QueryRemoved", queryId: 1 })],
      clock: { clientClockSkew: -3, serverTs: 1_700_000_000_000_000_000 },
    });
    expect(text).toBe(
      JSON.stringify({
        type: "Transition",
        startVersion: { querySet: 1, identity: 0, ts: encodeTs(7n) },
        endVersion: { querySet: 2, identity: 1, ts: encodeTs(9n) },
        modifications: [
          { type: "QueryUpdated", queryId: 0, value: shared.value, logLines: shared.logLines, journal: null },
          { type: "QueryUpdated", queryId: 3, value: shared.value, logLines: shared.logLines, journal: '{"cursor":"x"}' },
          { type: "QueryRemoved", queryId: 1 },
        ],
        clientClockSkew: -3,
        serverTs: 1_700_000_000_000_000_000,
      }),
    );
  });

  it("writes an empty Transition and a null value", () => {
    expect(transitionText({ startVersion: { querySet: 0, identity: 0, ts: 0n }, endVersion: { querySet: 0, identity: 0, ts: 2n ** 63n }, modifications: [] })).toBe(
      JSON.stringify({
        type: "Transition",
        startVersion: { querySet: 0, identity: 0, ts: encodeTs(0n) },
        endVersion: { querySet: 0, identity: 0, ts: encodeTs(2n ** 63n) },
        modifications: [],
      }),
    );
    expect(JSON.parse(queryUpdatedText(4, outcome(undefined), null))).toEqual({ type: "QueryUpdated", queryId: 4, value: null, logLines: [], journal: null });
  });
});
