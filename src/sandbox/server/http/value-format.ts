/**
 * Output formats of the HTTP API (real backend `value/src/export.rs`):
 * `convex_encoded_json` is the client encoding as is; `json` is "clean" JSON
 * where int64 becomes a decimal string, bytes base64, and non-finite floats
 * their names.
 */
import { jsonToConvex, type Value } from "convex/values";
import type { JSONValue } from "../../runtime/types.js";
import { HttpError } from "./errors.js";

export type ValueFormat = "convex_encoded_json" | "json";

export function parseFormat(raw: unknown, fallback: ValueFormat): ValueFormat {
  if (raw === undefined || raw === null) return fallback;
  if (raw === "convex_encoded_json" || raw === "json") return raw;
  throw new HttpError(400, "InvalidFormat", `Invalid format ${JSON.stringify(raw)}: expected "json" or "convex_encoded_json".`);
}

export function formatValue(value: JSONValue, format: ValueFormat): JSONValue {
  if (format === "convex_encoded_json") return value;
  return toCleanJson(jsonToConvex(value as never));
}

function toCleanJson(value: Value | undefined): JSONValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toCleanJson);
  const out: Record<string, JSONValue> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = toCleanJson(v);
  }
  return out;
}
