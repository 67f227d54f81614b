/**
 * Checks a Convex value against validator JSON, producing the same error
 * bodies as Convex: "Value does not match validator.\nPath: .a[0]\nValue: …\nValidator: …",
 * missing/extra object fields, literal mismatches and ID table mismatches.
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

function check(value: Value | undefined, validator: ValidatorJson, opts: CheckValueOptions): Failure | null {
  switch (validator.type) {
    case "any":
      return null;
    case "null":
      return value === null ? null : noMatch(value, validator);
    case "number":
      return typeof value === "number" ? null : noMatch(value, validator);
    case "bigint":
    case "commitTs":
      // A pending `db.vars.commitTs` becomes an int64 at commit.
      return typeof value === "bigint" || isCommitTs(value) ? null : noMatch(value, validator);
    case "boolean":
      return typeof value === "boolean" ? null : noMatch(value, validator);
    case "string":
      return typeof value === "string" ? null : noMatch(value, validator);
    case "bytes":
      return value instanceof ArrayBuffer ? null : noMatch(value, validator);
    case "id": {
      if (typeof value !== "string") return noMatch(value, validator);
      if (opts.isIdOfTable(value, validator.tableName)) return null;
      const found = opts.tableNameOfId?.(value) ?? null;
      if (found === null) return noMatch(value, validator);
      if (found.startsWith("_")) {
        return {
          path: [],
          render: (ctx) =>
            `Found ID "${value}" from a system table, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${ctx}`,
        };
      }
      return {
        path: [],
        render: (ctx) =>
          `Found ID "${value}" from table \`${found}\`, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${ctx}`,
      };
    }
    case "literal": {
      const literal = jsonToConvex(validator.value);
      if (value !== undefined && typeof value === typeof literal && compareValues(value, literal) === 0) return null;
      return {
        path: [],
        render: (ctx) =>
          `\`${formatValue(value)}\` does not match literal validator \`v.literal(${formatLiteral(validator.value)})\`.${ctx}`,
      };
    }
    case "array": {
      if (!Array.isArray(value)) return noMatch(value, validator);
      for (let i = 0; i < value.length; i++) {
        const f = check(value[i], validator.value, opts);
        if (f) return { ...f, path: [`[${i}]`, ...f.path] };
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return noMatch(value, validator);
      for (const [k, field] of Object.entries(value)) {
        if (field === undefined) continue;
        const kf = check(k, validator.keys, opts);
        if (kf) return { ...kf, path: [".keys()", ...kf.path] };
        const vf = check(field, validator.values.fieldType, opts);
        if (vf) return { ...vf, path: [".values()", ...vf.path] };
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return noMatch(value, validator);
      const fields = validator.value;
      for (const name of Object.keys(fields).sort()) {
        const field = value[name];
        if (field !== undefined) {
          const f = check(field, fields[name].fieldType, opts);
          if (f) return { ...f, path: [`.${name}`, ...f.path] };
        } else if (!fields[name].optional) {
          return {
            path: [],
            render: (ctx) =>
              `Object is missing the required field \`${name}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n${ctx}\nObject: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`,
          };
        }
      }
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
    }
    case "union": {
      if (validator.value.length === 1) return check(value, validator.value[0], opts);
      for (const member of validator.value) {
        if (check(value, member, opts) === null) return null;
      }
      return noMatch(value, validator);
    }
  }
}

/** Null when `value` matches `validator`, else the Convex error body. */
export function checkValue(
  value: Value | undefined,
  validator: ValidatorJson,
  opts: CheckValueOptions,
): string | null {
  const failure = check(value, validator, opts);
  return failure === null ? null : failure.render(contextText(failure.path));
}
