/**
 * The JSON text of a Transition, built from parts so that work shared by
 * every session goes once per commit rather than once per client: a query
 * result (`CallOutcome`) comes from the deployment-wide QueryCache, so the
 * JSON of its value and log lines is written once and spliced into each
 * subscriber's `QueryUpdated`; the encoded timestamps of one commit are
 * likewise written once. The text is what `JSON.stringify` of the same
 * message gives.
 */
import type { Timestamp } from "../database/types.js";
import type { CallOutcome, JSONValue } from "../runtime/types.js";
import { encodeTs } from "./timestamps.js";

export interface StateVersion {
  querySet: number;
  identity: number;
  ts: Timestamp;
}

export interface TransitionParts {
  startVersion: StateVersion;
  endVersion: StateVersion;
  /** Each modification's JSON text (see `queryUpdatedText`). */
  modifications: string[];
  /** Server wall time in nanoseconds, paired with the skew measured at Connect. */
  clock?: { clientClockSkew: number; serverTs: number };
}

export function transitionText(parts: TransitionParts): string {
  const clock = parts.clock ? `,"clientClockSkew":${JSON.stringify(parts.clock.clientClockSkew)},"serverTs":${JSON.stringify(parts.clock.serverTs)}` : "";
  return (
    `{"type":"Transition","startVersion":${versionText(parts.startVersion)},"endVersion":${versionText(parts.endVersion)},` +
    `"modifications":[${parts.modifications.join(",")}]${clock}}`
  );
}

/** `{type:"QueryUpdated", queryId, value, logLines, journal}` for a successful outcome. */
export function queryUpdatedText(queryId: number, outcome: CallOutcome, journal: string | null): string {
  return `{"type":"QueryUpdated","queryId":${queryId},"value":${sharedText(outcome)},"journal":${JSON.stringify(journal)}}`;
}

/** Results are shared across sessions (QueryCache), so each one's value and log lines are serialized once. */
const outcomeTexts = new WeakMap<CallOutcome, string>();

function sharedText(outcome: CallOutcome): string {
  let text = outcomeTexts.get(outcome);
  if (text === undefined) {
    text = `${JSON.stringify((outcome.value ?? null) as JSONValue)},"logLines":${JSON.stringify(outcome.logLines)}`;
    outcomeTexts.set(outcome, text);
  }
  return text;
}

/** Every session sends the same few timestamps after a commit; encode each once. */
const encodedTs = new Map<Timestamp, string>();

function versionText(v: StateVersion): string {
  let encoded = encodedTs.get(v.ts);
  if (encoded === undefined) {
    if (encodedTs.size >= 16) encodedTs.delete(encodedTs.keys().next().value!);
    encoded = encodeTs(v.ts);
    encodedTs.set(v.ts, encoded);
  }
  return `{"querySet":${v.querySet},"identity":${v.identity},"ts":"${encoded}"}`;
}
