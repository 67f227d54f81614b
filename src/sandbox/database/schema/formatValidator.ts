/** Prints validator JSON the way Convex prints validators in error messages (`v.object({a: v.string()})`). */
import { jsonToConvex, type JSONValue } from "convex/values";
import { quoteString } from "../values/display.ts";
import type { FieldTypeJson, ValidatorJson } from "./schemaJson.ts";

export function formatLiteral(json: JSONValue): string {
  const value = jsonToConvex(json);
  if (typeof value === "bigint") return "<bigint>";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "<number>";
  if (typeof value === "string") return quoteString(value);
  return JSON.stringify(value);
}

export function formatFieldType(field: FieldTypeJson): string {
  const inner = formatValidator(field.fieldType);
  return field.optional ? `v.optional(${inner})` : inner;
}

export function formatValidator(v: ValidatorJson): string {
  switch (v.type) {
    case "id":
      return `v.id("${v.tableName}")`;
    case "null":
      return "v.null()";
    case "number":
      return "v.float64()";
    case "bigint":
      return "v.int64()";
    case "commitTs":
      return "v.commitTs()";
    case "boolean":
      return "v.boolean()";
    case "string":
      return "v.string()";
    case "bytes":
      return "v.bytes()";
    case "any":
      return "v.any()";
    case "literal":
      return `v.literal(${formatLiteral(v.value)})`;
    case "array":
      return `v.array(${formatValidator(v.value)})`;
    case "record":
      return `v.record(${formatValidator(v.keys)}, ${formatFieldType(v.values)})`;
    case "object": {
      const fields = Object.keys(v.value)
        .sort()
        .map((k) => `${k}: ${formatFieldType(v.value[k])}`);
      return `v.object({${fields.join(", ")}})`;
    }
    case "union":
      return `v.union(${v.value.map(formatValidator).join(", ")})`;
  }
}
