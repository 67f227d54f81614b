/**
 * JSON ⇄ Convex value conversion for syscalls. Encoding is the real
 * `convexToJson`; decoding walks plain JSON itself and hands every object that
 * is (or may be) special to the real `jsonToConvex`: an encoded value (one
 * `$`-key), a field name Convex rejects, or `__proto__`. So it returns and
 * throws exactly what `jsonToConvex` does, without its per-object entry arrays.
 */
import { convexToJson, jsonToConvex, type Value } from "convex/values";
import type { Document } from "../../database/index.ts";
import type { JSONValue } from "../types.ts";

const MAX_FIELD_NAME_LENGTH = 1024;

export function toJson(value: Value | Document | null | undefined): JSONValue {
  return convexToJson((value ?? null) as Value) as JSONValue;
}

/** A field name `jsonToConvex` accepts as is: at most 1024 printable ASCII characters, no leading `$`. */
function isPlainFieldName(k: string): boolean {
  if (k.length > MAX_FIELD_NAME_LENGTH || k === "__proto__" || k.charCodeAt(0) === 36 /* $ */) return false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 32 || c >= 127) return false;
  }
  return true;
}

type ConvexJson = Parameters<typeof jsonToConvex>[0];

export function fromJson(json: unknown): Value {
  switch (typeof json) {
    case "string":
    case "number":
    case "boolean":
      return json;
    case "object":
      break;
    default:
      return jsonToConvex(json as ConvexJson); // throws its "Unexpected type" error
  }
  if (json === null) return null;
  if (Array.isArray(json)) return json.map(fromJson);
  if (Object.getPrototypeOf(json) !== Object.prototype) return jsonToConvex(json as ConvexJson);
  const source = json as Record<string, unknown>;
  const out: Record<string, Value> = {};
  for (const k in source) {
    if (!isPlainFieldName(k)) return jsonToConvex(source as ConvexJson);
    out[k] = fromJson(source[k]);
  }
  return out;
}

/** Whether `json` decodes to itself: only plain objects with plain field names, arrays and scalars. */
function decodesToItself(json: unknown): boolean {
  if (json === null) return true;
  const type = typeof json;
  if (type !== "object") return type === "string" || type === "number" || type === "boolean";
  if (Array.isArray(json)) {
    for (let i = 0; i < json.length; i++) if (!decodesToItself(json[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(json) !== Object.prototype) return false;
  for (const k in json as Record<string, unknown>) {
    if (!isPlainFieldName(k) || !decodesToItself((json as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * `fromJson` for JSON that nobody else holds (just parsed from a syscall's
 * arguments): when it needs no decoding it is returned as is, without a copy.
 */
export function fromOwnedJson(json: unknown): Value {
  return decodesToItself(json) ? (json as Value) : fromJson(json);
}

/** An object argument (just parsed, owned by the caller) decoded, or `"<what> must be an object"`. */
export function objectFromJson(json: unknown, what: string): Record<string, Value> {
  const value = fromOwnedJson(json);
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof ArrayBuffer) {
    throw new Error(`${what} must be an object`);
  }
  return value as Record<string, Value>;
}

/** A patch's value: a top-level `{"$undefined": null}` means "remove this field". */
export function patchFromJson(json: unknown): Record<string, Value | undefined> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new Error("patch value must be an object");
  const out: Record<string, Value | undefined> = {};
  for (const [key, field] of Object.entries(json as Record<string, unknown>)) {
    const isUndefined =
      field !== null && typeof field === "object" && !Array.isArray(field) && Object.keys(field).length === 1 && "$undefined" in field;
    out[key] = isUndefined ? undefined : fromJson(field);
  }
  return out;
}
