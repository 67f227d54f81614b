/**
 * Checks a user-supplied document body before it is written: every value must
 * be a Convex value with valid field names (checked by the real `convexToJson`),
 * and top-level fields may not start with `_` except the system fields.
 */
import { convexToJson, type Value } from "convex/values";

export const SYSTEM_FIELDS = new Set(["_id", "_creationTime"]);

/**
 * `valuesDecoded`: the value came from the real `jsonToConvex`, which already
 * checked field names and values; only the underscore rule is left to check.
 */
export function checkUserFields(value: Record<string, Value | undefined>, valuesDecoded = false): void {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof ArrayBuffer) {
    throw new Error(`A document must be an object, received ${String(value)}`);
  }
  for (const key in value) {
    if (key.charCodeAt(0) === 95 /* _ */ && !SYSTEM_FIELDS.has(key)) {
      throw new Error(
        `Field '${key}' starts with an underscore, which is only allowed for system fields like '_id'`,
      );
    }
  }
  if (!valuesDecoded) convexToJson(value as Value);
}

/** A copy without `undefined` fields (they mean "absent"). */
export function dropUndefined<T extends Value | undefined>(value: Record<string, T>): Record<string, Exclude<T, undefined>> {
  const out: Record<string, Exclude<T, undefined>> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = v as Exclude<T, undefined>;
  }
  return out;
}
