/** JSON ⇄ Convex value conversion for syscalls, with the real `convex/values` functions. */
import { convexToJson, jsonToConvex, type Value } from "convex/values";
import type { Document } from "../../database/index.ts";
import type { JSONValue } from "../types.ts";

export function toJson(value: Value | Document | null | undefined): JSONValue {
  return convexToJson((value ?? null) as Value) as JSONValue;
}

export function fromJson(json: unknown): Value {
  return jsonToConvex(json as Parameters<typeof jsonToConvex>[0]);
}

export function objectFromJson(json: unknown, what: string): Record<string, Value> {
  const value = fromJson(json);
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
