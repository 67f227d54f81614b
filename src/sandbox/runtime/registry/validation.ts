/**
 * Argument and return-value validation against a function's exported
 * validators, with the database layer's `checkValue` (the same checker that
 * validates documents against the schema), and the texts real Convex uses.
 */
import type { Value } from "convex/values";
import { checkValue, type ValidatorJson } from "../../database/index.ts";
import type { JSONValue } from "../types.ts";

type IdCheck = (id: string, table: string) => boolean;

function isPlainObject(value: unknown): value is Record<string, Value> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The convex package's own text for non-object arguments (`convex/src/common/index.ts`). */
export function argsMustBeObject(args: unknown): string | null {
  if (args === undefined || isPlainObject(args)) return null;
  return `The arguments to a Convex function must be an object. Received: ${String(args)}`;
}

/** False for a missing or `v.any()` validator: nothing to check, so the value need not even be decoded. */
export function needsCheck(validator: JSONValue | null): validator is JSONValue {
  return validator !== null && !(typeof validator === "object" && !Array.isArray(validator) && validator.type === "any");
}

/** Null when the args match, else "ArgumentValidationError: …". */
export function validateArgs(validator: JSONValue | null, args: Value, isIdOfTable: IdCheck): string | null {
  if (!needsCheck(validator)) return null;
  const failure = checkValue(args, validator as unknown as ValidatorJson, { isIdOfTable });
  return failure === null ? null : `ArgumentValidationError: ${failure}`;
}

/** Null when the return value matches, else "ReturnsValidationError: …". */
export function validateReturns(validator: JSONValue | null, value: Value, isIdOfTable: IdCheck): string | null {
  if (!needsCheck(validator)) return null;
  const failure = checkValue(value, validator as unknown as ValidatorJson, { isIdOfTable });
  return failure === null ? null : `ReturnsValidationError: ${failure}`;
}
