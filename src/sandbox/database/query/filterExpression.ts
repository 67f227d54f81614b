/**
 * Evaluates the filter expressions `q.eq/neq/lt/…/and/or/not/add/…` that the
 * `convex` package serializes ({$field}, {$literal}, {$eq: [l, r]}, …).
 * Comparisons use the index ordering of values; arithmetic works on two
 * int64s or two float64s, like Convex.
 */
import { compareValues, type Value } from "convex/values";
import type { Document } from "../types.ts";
import { decodeQueryValue } from "../values/decodeQueryValue.ts";
import { formatValue } from "../values/display.ts";
import { getFieldPath } from "../values/fieldPath.ts";

type Expr = Record<string, unknown>;
type Result = Value | undefined;

function typeName(v: Result): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "bigint") return "int64";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "string") return "string";
  if (v instanceof ArrayBuffer) return "bytes";
  if (Array.isArray(v)) return "array";
  return "object";
}

function asBoolean(v: Result): boolean {
  if (typeof v === "boolean") return v;
  throw new Error(`Cannot use value ${formatValue(v)} (type ${typeName(v)}) as a Boolean`);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const arithmetic: Record<string, { name: string; ints: (a: bigint, b: bigint) => bigint | null; floats: (a: number, b: number) => number }> = {
  $add: { name: "add", ints: (a, b) => a + b, floats: (a, b) => a + b },
  $sub: { name: "subtract", ints: (a, b) => a - b, floats: (a, b) => a - b },
  $mul: { name: "multiply", ints: (a, b) => a * b, floats: (a, b) => a * b },
  $div: { name: "divide", ints: (a, b) => (b === 0n ? null : a / b), floats: (a, b) => a / b },
  $mod: { name: "mod", ints: (a, b) => (b === 0n ? null : a % b), floats: (a, b) => a % b },
};

const comparisons: Record<string, (c: number) => boolean> = {
  $eq: (c) => c === 0,
  $neq: (c) => c !== 0,
  $lt: (c) => c < 0,
  $lte: (c) => c <= 0,
  $gt: (c) => c > 0,
  $gte: (c) => c >= 0,
};

function operands(expr: Expr, op: string): unknown[] {
  const args = expr[op];
  if (!Array.isArray(args)) throw new Error(`Invalid filter expression: ${op} expects an array of operands`);
  return args;
}

export type CompiledExpression = (doc: Document) => Result;

/** Compiles a serialized expression once (literals decoded up front) into a function of the document. */
export function compileExpression(expr: unknown): CompiledExpression {
  if (expr === null || typeof expr !== "object" || Array.isArray(expr)) {
    throw new Error(`Invalid filter expression: ${JSON.stringify(expr)}`);
  }
  const e = expr as Expr;
  const keys = Object.keys(e);
  if (keys.length !== 1) throw new Error(`Invalid filter expression: ${JSON.stringify(expr)}`);
  const op = keys[0];
  if (op === "$field") {
    const path = e.$field;
    if (typeof path !== "string") throw new Error("Invalid filter expression: $field expects a field path string");
    return (doc) => getFieldPath(doc, path);
  }
  if (op === "$literal") {
    const value = decodeQueryValue(e.$literal);
    return () => value;
  }
  if (op in comparisons) {
    const test = comparisons[op];
    const [l, r] = operands(e, op).map(compileExpression);
    return (doc) => test(compareValues(l(doc), r(doc)));
  }
  if (op in arithmetic) {
    const { name, ints, floats } = arithmetic[op];
    const [le, re] = operands(e, op).map(compileExpression);
    return (doc) => {
      const l = le(doc);
      const r = re(doc);
      if (typeof l === "bigint" && typeof r === "bigint") {
        const result = ints(l, r);
        if (result === null) throw new Error(`Cannot ${name} ${l} by zero`);
        if (result < INT64_MIN || result > INT64_MAX) {
          throw new Error(`Cannot ${name} ${l} and ${r}: the result is out of range for Int64`);
        }
        return result;
      }
      if (typeof l === "number" && typeof r === "number") return floats(l, r);
      throw new Error(
        `Cannot ${name} ${formatValue(l)} (type ${typeName(l)}) and ${formatValue(r)} (type ${typeName(r)})`,
      );
    };
  }
  if (op === "$neg") {
    const inner = compileExpression(e.$neg);
    return (doc) => {
      const x = inner(doc);
      if (typeof x === "bigint") {
        if (x === INT64_MIN) throw new Error(`Cannot negate ${x}: the result is out of range for Int64`);
        return -x;
      }
      if (typeof x === "number") return -x;
      throw new Error(`Cannot negate ${formatValue(x)} (type ${typeName(x)})`);
    };
  }
  if (op === "$not") {
    const inner = compileExpression(e.$not);
    return (doc) => !asBoolean(inner(doc));
  }
  if (op === "$and" || op === "$or") {
    const items = operands(e, op).map(compileExpression);
    const isAnd = op === "$and";
    return (doc) => {
      for (const item of items) if (asBoolean(item(doc)) !== isAnd) return !isAnd;
      return isAnd;
    };
  }
  throw new Error(`Invalid filter expression: unknown operator ${op}`);
}
