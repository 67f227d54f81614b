/**
 * Values inside a serialized query (index range bounds, `$literal`s, search
 * filter values) arrive in the `convexToJson` wire form. This turns them into
 * Convex values with the real `jsonToConvex`; values already decoded (bigint,
 * ArrayBuffer) pass through unchanged, and `{$undefined: null}` means "missing".
 */
import { jsonToConvex, type JSONValue, type Value } from "convex/values";

export function decodeQueryValue(v: unknown): Value | undefined {
  if (v === undefined) return undefined;
  if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof ArrayBuffer)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "$undefined") return undefined;
  }
  if (isAlreadyDecoded(v)) return v as Value;
  return jsonToConvex(v as JSONValue);
}

function isAlreadyDecoded(v: unknown): boolean {
  if (typeof v === "bigint" || v instanceof ArrayBuffer) return true;
  if (typeof v === "number") return !Number.isFinite(v) || Object.is(v, -0);
  if (Array.isArray(v)) return v.some(isAlreadyDecoded);
  if (v !== null && typeof v === "object") return Object.values(v).some(isAlreadyDecoded);
  return false;
}
