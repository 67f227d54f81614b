/**
 * A starting value for a function's arguments, from its exported args validator
 * (`exportArgs()` JSON, as the push result lists it), written in Convex's JSON encoding
 * (`convexToJson`) so the args editor can round-trip every Convex type.
 */
import { convexToJson, type Value } from "convex/values";

type ValidatorJson = { type: string; [key: string]: any };

function sample(validator: ValidatorJson | undefined): Value | undefined {
  if (!validator || typeof validator !== "object") return null;
  switch (validator.type) {
    case "string":
      return "";
    case "number":
      return 0;
    case "bigint":
      return 0n;
    case "boolean":
      return false;
    case "null":
    case "any":
      return null;
    case "bytes":
      return new ArrayBuffer(0);
    case "literal":
      return validator.value as Value;
    case "id":
      return "";
    case "array":
      return [];
    case "record":
      return {};
    case "union":
      return sample(validator.value?.[0]);
    case "object": {
      const out: Record<string, Value> = {};
      for (const [name, field] of Object.entries<any>(validator.value ?? {})) {
        if (field?.optional) continue;
        const value = sample(field?.fieldType);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    default:
      return null;
  }
}

/** Pretty JSON text for the args editor. Unvalidated args (`any` or missing) start as `{}`. */
export function argsTemplate(argsValidator: unknown): string {
  const validator = argsValidator as ValidatorJson | null;
  if (!validator || validator.type !== "object") return "{}";
  return JSON.stringify(convexToJson(sample(validator) as Value), null, 2);
}
