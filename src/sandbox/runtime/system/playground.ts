/**
 * The playground data view's system queries:
 * - `_system/playground:tables` `{}` → `[{name, count}]`: every user table, then
 *   `_scheduled_functions` and `_storage`;
 * - `_system/playground:documents` `{table, limit?}` → the table's newest
 *   documents (system tables included), newest first, at most `limit` (default
 *   100, at most 1000);
 * - `_system/playground:documentsPage` `{table, paginationOpts: {numItems,
 *   cursor}}` → `{page, isDone, continueCursor}`: one page of the same order
 *   (newest first), with the cursors of `ctx.db.query(table).order("desc")
 *   .paginate(...)`, so the data view can page through a whole table; each
 *   page is a reactive query of its own.
 */
import { InvalidCursorError, type Document, type Transaction } from "../../database/index.ts";
import { toJson } from "../syscalls/values.ts";
import type { JSONValue } from "../types.ts";
import { rejectAnyArguments, rejectExtra } from "./arguments.ts";
import type { SystemQuery } from "./index.ts";

export const SYSTEM_TABLES_SHOWN = ["_scheduled_functions", "_storage"];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const TABLE_NAME = /^_?[A-Za-z][A-Za-z0-9_]*$/;

const tables: SystemQuery = {
  run(ctx, args) {
    rejectAnyArguments("_system/playground:tables", args);
    const names = [...ctx.userTableNames(), ...SYSTEM_TABLES_SHOWN];
    ctx.dependsOnTableList(names);
    return names.map((name) => ({ name, count: ctx.tx.count(name) }));
  },
};

const documents: SystemQuery = {
  run(ctx, args) {
    const { table, limit = DEFAULT_LIMIT, ...rest } = args;
    rejectExtra(rest);
    checkTable(table);
    checkCount("limit", limit);
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

const documentsPage: SystemQuery = {
  run(ctx, args) {
    const { table, paginationOpts, ...rest } = args;
    rejectExtra(rest);
    checkTable(table);
    if (typeof paginationOpts !== "object" || paginationOpts === null || Array.isArray(paginationOpts)) {
      throw new Error("`paginationOpts` must be an object `{ numItems, cursor }`");
    }
    const { numItems, cursor, ...restOpts } = paginationOpts;
    rejectExtra(restOpts, "paginationOpts.");
    checkCount("paginationOpts.numItems", numItems);
    if (cursor !== null && typeof cursor !== "string") throw new Error("`paginationOpts.cursor` must be a string or null");
    let result: ReturnType<Transaction["queryPage"]>;
    try {
      result = ctx.tx.queryPage({
        query: { source: { type: "FullTableScan", tableName: table, order: "desc" }, operators: [] },
        cursor,
        endCursor: null,
        pageSize: numItems,
        maximumRowsRead: null,
        maximumBytesRead: null,
      });
    } catch (e) {
      // A cursor of another table or query: the caller's mistake, so its own text rather than "Server Error".
      if (e instanceof InvalidCursorError) throw new Error(e.message);
      throw e;
    }
    return { page: result.page.map((doc) => toJson(doc)), isDone: result.isDone, continueCursor: result.continueCursor };
  },
};

function checkTable(table: unknown): asserts table is string {
  if (typeof table !== "string" || !TABLE_NAME.test(table)) {
    throw new Error("`table` must be a table name, e.g. \"messages\" or \"_storage\"");
  }
}

function checkCount(name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new Error(`\`${name}\` must be an integer from 1 to ${MAX_LIMIT}`);
  }
}

export const playgroundQueries: ReadonlyMap<string, SystemQuery> = new Map([
  ["tables", tables],
  ["documents", documents],
  ["documentsPage", documentsPage],
]);
