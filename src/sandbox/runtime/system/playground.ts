/**
 * The playground data view's system queries:
 * - `_system/playground:tables` `{}` → `[{name, count}]`: every user table, then
 *   `_scheduled_functions` and `_storage`;
 * - `_system/playground:documents` `{table, limit?}` → the table's newest
 *   documents (system tables included), newest first, at most `limit` (default
 *   100, at most 1000).
 */
import type { Document } from "../../database/index.ts";
import { toJson } from "../syscalls/values.ts";
import type { JSONValue } from "../types.ts";
import type { SystemQuery } from "./index.ts";

export const SYSTEM_TABLES_SHOWN = ["_scheduled_functions", "_storage"];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const TABLE_NAME = /^_?[A-Za-z][A-Za-z0-9_]*$/;

const tables: SystemQuery = {
  run(ctx, args) {
    if (Object.keys(args).length > 0) throw new Error("_system/playground:tables takes no arguments");
    const names = [...ctx.userTableNames(), ...SYSTEM_TABLES_SHOWN];
    ctx.dependsOnTableList(names);
    return names.map((name) => ({ name, count: ctx.tx.count(name) }));
  },
};

const documents: SystemQuery = {
  run(ctx, args) {
    const { table, limit = DEFAULT_LIMIT, ...rest } = args;
    if (Object.keys(rest).length > 0) throw new Error(`Unexpected argument \`${Object.keys(rest)[0]}\``);
    if (typeof table !== "string" || !TABLE_NAME.test(table)) {
      throw new Error("`table` must be a table name, e.g. \"messages\" or \"_storage\"");
    }
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new Error(`\`limit\` must be an integer from 1 to ${MAX_LIMIT}`);
    }
    const { tx } = ctx;
    const queryId = tx.startQuery({ source: { type: "FullTableScan", tableName: table, order: "desc" }, operators: [{ limit }] });
    const out: JSONValue[] = [];
    try {
      for (let next = tx.nextInQuery(queryId); !next.done; next = tx.nextInQuery(queryId)) {
        out.push(toJson(next.value as Document));
      }
    } finally {
      tx.closeQuery(queryId);
    }
    return out;
  },
};

export const playgroundQueries: ReadonlyMap<string, SystemQuery> = new Map([
  ["tables", tables],
  ["documents", documents],
]);
