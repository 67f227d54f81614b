/**
 * `db.vars.commitTs`: a placeholder a mutation may write, replaced by the
 * commit timestamp (an int64) when the transaction commits. Until then it
 * sorts like the largest int64, as in `convex/values`.
 */
import { CommitTsPlaceholder, type Value } from "convex/values";

export const MAX_INT64 = 2n ** 63n - 1n;

export function isCommitTs(v: unknown): v is CommitTsPlaceholder {
  return v instanceof CommitTsPlaceholder;
}

export function containsCommitTs(v: Value | undefined): boolean {
  if (v === null || typeof v !== "object" || v instanceof ArrayBuffer) return false;
  if (isCommitTs(v)) return true;
  const items = Array.isArray(v) ? v : Object.values(v);
  for (const item of items) if (containsCommitTs(item as Value)) return true;
  return false;
}

/** A copy of `v` with every placeholder replaced by `ts`. */
export function resolveCommitTs<T extends Value>(v: T, ts: bigint): T {
  if (v === null || typeof v !== "object" || v instanceof ArrayBuffer) return v;
  if (isCommitTs(v)) return ts as T;
  if (Array.isArray(v)) return v.map((item) => resolveCommitTs(item, ts)) as T;
  const out: Record<string, Value> = {};
  for (const [k, item] of Object.entries(v)) if (item !== undefined) out[k] = resolveCommitTs(item, ts);
  return out as T;
}
