/**
 * The on-disk form of a commit: JSON with documents in Convex's
 * `convex_encoded_json` encoding (so int64, bytes and special floats survive)
 * and the timestamp as a decimal string.
 */
import { convexToJson, jsonToConvex, type Value } from "convex/values";
import type { Commit, Document, DocumentWrite } from "../../database/types.js";

type StoredWrite = { table: string; id: string; before: unknown; after: unknown };

export function encodeCommit(commit: Commit): string {
  return JSON.stringify({
    ts: commit.ts.toString(),
    writes: commit.writes.map(
      (w): StoredWrite => ({
        table: w.table,
        id: w.id,
        before: w.before === null ? null : convexToJson(w.before as Value),
        after: w.after === null ? null : convexToJson(w.after as Value),
      }),
    ),
  });
}

export function decodeCommit(text: string): Commit {
  const raw = JSON.parse(text) as { ts: string; writes: StoredWrite[] };
  return {
    ts: BigInt(raw.ts),
    writes: raw.writes.map(
      (w): DocumentWrite => ({
        table: w.table,
        id: w.id,
        before: w.before === null ? null : (jsonToConvex(w.before as never) as Document),
        after: w.after === null ? null : (jsonToConvex(w.after as never) as Document),
      }),
    ),
  };
}

/** Approximate stored size of a document, for byte quotas. */
export function documentBytes(doc: Document | null): number {
  return doc === null ? 0 : JSON.stringify(convexToJson(doc as Value)).length;
}
