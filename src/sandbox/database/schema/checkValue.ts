/**
 * Checks a Convex value against validator JSON, producing the same error
 * bodies as Convex: "Value does not match validator.\nPath: .a[0]\nValue: …\nValidator: …",
 * missing/extra object fields, literal mismatches and ID table mismatches.
 *
 * Each validator is compiled once into a tree of checking functions (cached
 * per validator object), so a value that matches is checked without
 * re-reading the validator JSON and without allocating anything.
 */
import { compareValues, jsonToConvex, type Value } from "convex/values";
import { formatValue } from "../values/display.ts";
import { isCommitTs } from "../values/commitTs.ts";
import { formatLiteral, formatValidator } from "./formatValidator.ts";
import type { ValidatorJson } from "./schemaJson.ts";

export interface CheckValueOptions {
  /** Is `id` a valid ID of table `table`? */
  isIdOfTable: (id: string, table: string) => boolean;
  /** The table an ID string belongs to (null if it is not an ID of any known table); sharpens the mismatch error. */
  tableNameOfId?: (id: string) => string | null;
}

type Failure = { path: string[]; render: (context: string) => string };

/** A compiled validator: null when `value` matches, else what failed and where. */
type Checker = (value: Value | undefined, opts: CheckValueOptions) => Failure | null;

function contextText(path: string[]): string {
  return path.length === 0 ? "" : `Path: ${path.join("")}`;
}

function isPlainObject(v: Value | undefined): v is Record<string, Value> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof ArrayBuffer);
}

function noMatch(value: Value | undefined, validator: ValidatorJson): Failure {
  return {
    path: [],
    render: (ctx) =>
      `Value does not match validator.\n${ctx}\nValue: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`,
  };
}

function under(step: string, failure: Failure): Failure {
  return { ...failure, path: [step, ...failure.path] };
}

const compiled = new WeakMap<ValidatorJson, Checker>();

function compile(validator: ValidatorJson): Checker {
  let checker = compiled.get(validator);
  if (checker === undefined) {
    checker = build(validator);
    compiled.set(validator, checker);
  }
  return checker;
}

/** A checker for a validator that accepts exactly the values `accepts` says yes to. */
function simple(validator: ValidatorJson, accepts: (value: Value | undefined) => boolean): Checker {
  return (value) => (accepts(value) ? null : noMatch(value, validator));
}

function build(validator: ValidatorJson): Checker {
  switch (validator.type) {
    case "any":
      return () => null;
    case "null":
      return simple(validator, (value) => value === null);
    case "number":
      return simple(validator, (value) => typeof value === "number");
    case "bigint":
    case "commitTs":
      // A pending `db.vars.commitTs` becomes an int64 at commit.
      return simple(validator, (value) => typeof value === "bigint" || isCommitTs(value));
    case "boolean":
      return simple(validator, (value) => typeof value === "boolean");
    case "string":
      return simple(validator, (value) => typeof value === "string");
    case "bytes":
      return simple(validator, (value) => value instanceof ArrayBuffer);
    case "id":
      return idChecker(validator.tableName, validator);
    case "literal":
      return literalChecker(validator);
    case "array": {
      const element = compile(validator.value);
      return (value, opts) => {
        if (!Array.isArray(value)) return noMatch(value, validator);
        for (let i = 0; i < value.length; i++) {
          const f = element(value[i], opts);
          if (f) return under(`[${i}]`, f);
        }
        return null;
      };
    }
    case "record": {
      const keys = compile(validator.keys);
      const values = compile(validator.values.fieldType);
      return (value, opts) => {
        if (!isPlainObject(value)) return noMatch(value, validator);
        for (const k in value) {
          const field = value[k];
          if (field === undefined) continue;
          const kf = keys(k, opts);
          if (kf) return under(".keys()", kf);
          const vf = values(field, opts);
          if (vf) return under(".values()", vf);
        }
        return null;
      };
    }
    case "object":
      return objectChecker(validator);
    case "union": {
      if (validator.value.length === 1) return compile(validator.value[0]);
      const members = validator.value.map(compile);
      return (value, opts) => {
        for (const member of members) {
          if (member(value, opts) === null) return null;
        }
        return noMatch(value, validator);
      };
    }
  }
}

function idChecker(tableName: string, validator: ValidatorJson): Checker {
  return (value, opts) => {
    if (typeof value !== "string") return noMatch(value, validator);
    if (opts.isIdOfTable(value, tableName)) return null;
    const found = opts.tableNameOfId?.(value) ?? null;
    if (found === null) return noMatch(value, validator);
    if (found.startsWith("_")) {
      return {
        path: [],
        render: (ctx) =>
          `Found ID "${value}" from a system table, which does not match the table name in validator \`v.id("${tableName}")\`.${ctx}`,
      };
    }
    return {
      path: [],
      render: (ctx) =>
        `Found ID "${value}" from table \`${found}\`, which does not match the table name in validator \`v.id("${tableName}")\`.${ctx}`,
    };
  };
}

function literalChecker(validator: Extract<ValidatorJson, { type: "literal" }>): Checker {
  // Decoded on first use, so a malformed literal fails only where it is reached.
  let decoded = false;
  let literal: Value = null;
  return (value) => {
    if (!decoded) {
      literal = jsonToConvex(validator.value);
      decoded = true;
    }
    if (value !== undefined && typeof value === typeof literal && compareValues(value, literal) === 0) return null;
    return {
      path: [],
      render: (ctx) =>
        `\`${formatValue(value)}\` does not match literal validator \`v.literal(${formatLiteral(validator.value)})\`.${ctx}`,
    };
  };
}

/**
 * Fields are checked in sorted name order and the first failure wins, as in
 * Convex. A matching object costs one pass over the validator's fields plus
 * one count of the object's fields (no extra fields when the counts agree);
 * otherwise the extra field is looked for in sorted order.
 */
function objectChecker(validator: Extract<ValidatorJson, { type: "object" }>): Checker {
  const fields = validator.value;
  const names = Object.keys(fields).sort();
  const checkers = names.map((name) => compile(fields[name].fieldType));
  const optional = names.map((name) => fields[name].optional);
  // Names every object inherits (`toString`, ...) count as present only when the object has its own.
  const inherited = names.map((name) => name in Object.prototype);
  return (value, opts) => {
    if (!isPlainObject(value)) return noMatch(value, validator);
    let present = 0;
    for (let i = 0; i < names.length; i++) {
      const field = value[names[i]];
      if (field !== undefined) {
        if (!inherited[i] || Object.prototype.hasOwnProperty.call(value, names[i])) present++;
        const f = checkers[i](field, opts);
        if (f) return under(`.${names[i]}`, f);
      } else if (!optional[i]) {
        const name = names[i];
        return {
          path: [],
          render: (ctx) =>
            `Object is missing the required field \`${name}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n${ctx}\nObject: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`,
        };
      }
    }
    let defined = 0;
    for (const name in value) if (value[name] !== undefined) defined++;
    if (defined === present) return null;
    for (const name of Object.keys(value).sort()) {
      if (value[name] !== undefined && !(name in fields)) {
        return {
          path: [],
          render: (ctx) =>
            `Object contains extra field \`${name}\` that is not in the validator.\n${ctx}\nObject: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`,
        };
      }
    }
    return null;
  };
}

/** Null when `value` matches `validator`, else the Convex error body. */
export function checkValue(
  value: Value | undefined,
  validator: ValidatorJson,
  opts: CheckValueOptions,
): string | null {
  const failure = compile(validator)(value, opts);
  return failure === null ? null : failure.render(contextText(failure.path));
}
