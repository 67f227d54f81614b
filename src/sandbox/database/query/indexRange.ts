/**
 * Compiles a `withIndex` range ([{type: "Eq"|"Gt"|…, fieldPath, value}]) into
 * an interval of encoded index keys, rejecting misuse with Convex's errors:
 * equalities on an in-order prefix of the index fields, then at most one
 * lower and one upper bound on the next field.
 */
import type { Value } from "convex/values";
import type { IndexDef } from "../schema/catalog.ts";
import { decodeQueryValue } from "../values/decodeQueryValue.ts";
import { formatValue } from "../values/display.ts";
import { encodeValue, prefixSuccessor } from "../values/indexKey.ts";

/** [start, end) in encoded key space; end null = unbounded. */
export interface KeyInterval {
  start: string;
  end: string | null;
}

export type RangeExpression = { type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte"; fieldPath: string; value: unknown };

const DOCS = "For more information see https://docs.convex.dev/using/indexes.";

const quoted = (f: string) => `"${f}"`;
const fieldList = (fields: string[]) => `[${fields.map(quoted).join(", ")}]`;

function alreadyDefined(kind: string, field: string, comparator: string, value: Value | undefined): Error {
  return new Error(
    `Already defined ${kind} bound in index range. Can't add ${quoted(field)} ${comparator} ${formatValue(value)}.`,
  );
}

type Bound = { value: Value | undefined; inclusive: boolean } | null;

export function compileIndexRange(indexName: string, def: IndexDef, range: RangeExpression[]): KeyInterval {
  const equalities = new Map<string, Value | undefined>();
  let inequalityField: string | null = null;
  let lower: Bound = null;
  let upper: Bound = null;

  for (const expr of range) {
    const value = decodeQueryValue(expr.value);
    if (expr.type === "Eq") {
      if (equalities.has(expr.fieldPath)) {
        throw alreadyDefined("equality", expr.fieldPath, "==", equalities.get(expr.fieldPath));
      }
      equalities.set(expr.fieldPath, value);
      continue;
    }
    const isUpper = expr.type === "Lt" || expr.type === "Lte";
    const inclusive = expr.type === "Gte" || expr.type === "Lte";
    if ((isUpper ? upper : lower) !== null) {
      const comparator = { Gt: ">", Gte: ">=", Lt: "<", Lte: "<=" }[expr.type];
      throw alreadyDefined(isUpper ? "upper" : "lower", expr.fieldPath, comparator, value);
    }
    if (inequalityField !== null && inequalityField !== expr.fieldPath) {
      throw new Error(
        `Upper and lower bounds in \`range\` can only be applied to a single index field. This query against index ${indexName} attempted to set a range bound on both ${quoted(inequalityField)} and ${quoted(expr.fieldPath)}. Consider using \`filter\` instead. See https://docs.convex.dev/using/indexes for more info.`,
      );
    }
    inequalityField = expr.fieldPath;
    if (isUpper) upper = { value, inclusive };
    else lower = { value, inclusive };
  }
  if (inequalityField !== null && equalities.has(inequalityField)) {
    throw alreadyDefined("inequality", inequalityField, "==", equalities.get(inequalityField));
  }

  const allFields = [...def.fields, "_id"];
  const rank = new Map(allFields.map((f, i) => [f, i]));
  const notIndexed = (field: string) =>
    new Error(
      `The index range included a comparison with ${quoted(field)}, but ${indexName} with fields ${fieldList(def.fields)} doesn't index this field. ${DOCS}`,
    );
  const sortedEqualities = [...equalities.keys()].sort().map((field) => {
    const r = rank.get(field);
    if (r === undefined) throw notIndexed(field);
    return { field, rank: r };
  });
  sortedEqualities.sort((a, b) => a.rank - b.rank);
  if (inequalityField !== null && !rank.has(inequalityField)) throw notIndexed(inequalityField);

  const used = [...sortedEqualities.map((e) => e.field), ...(inequalityField !== null ? [inequalityField] : [])];
  for (let i = 0; i < used.length; i++) {
    if (used[i] !== allFields[i]) {
      throw new Error(
        `Tried to query index ${indexName} but the query didn't use the index fields in order.\nIndex fields: ${fieldList(def.fields)}\nQuery fields: ${fieldList(used)}\nFirst incorrect field: ${quoted(used[i])}\n${DOCS}`,
      );
    }
  }

  let prefix = "";
  for (const { field } of sortedEqualities) prefix += encodeValue(equalities.get(field));

  const start =
    lower === null
      ? prefix
      : lower.inclusive
        ? prefix + encodeValue(lower.value)
        : (prefixSuccessor(prefix + encodeValue(lower.value)) as string);
  const end =
    upper === null
      ? prefixSuccessor(prefix)
      : upper.inclusive
        ? prefixSuccessor(prefix + encodeValue(upper.value))
        : prefix + encodeValue(upper.value);
  return { start, end };
}
