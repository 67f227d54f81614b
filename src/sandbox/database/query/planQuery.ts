/**
 * Turns a serialized query's source into the index, interval and order to
 * scan: full table scans use `by_creation_time`; `withIndex` ranges are
 * compiled against the index definition; unknown indexes get Convex's error.
 */
import type { IndexDef } from "../schema/catalog.ts";
import { BY_CREATION_TIME } from "../schema/catalog.ts";
import type { SerializedQuery } from "../types.ts";
import { compileIndexRange, type KeyInterval, type RangeExpression } from "./indexRange.ts";
import type { ReadView } from "./readView.ts";

export interface IndexPlan {
  table: string;
  index: IndexDef;
  interval: KeyInterval;
  order: "asc" | "desc";
}

/** Splits `table.index` at the last dot. */
export function splitIndexName(fullName: string): { table: string; index: string } {
  const dot = fullName.lastIndexOf(".");
  if (dot <= 0) throw new Error(`Index ${fullName} not found.`);
  return { table: fullName.slice(0, dot), index: fullName.slice(dot + 1) };
}

export function planIndexQuery(view: ReadView, source: SerializedQuery["source"]): IndexPlan {
  if (source.type === "FullTableScan") {
    const index = view.catalog.index(source.tableName, BY_CREATION_TIME)!;
    return { table: source.tableName, index, interval: { start: "", end: null }, order: source.order ?? "asc" };
  }
  if (source.type === "IndexRange") {
    const { table, index: indexName } = splitIndexName(source.indexName);
    const index = view.catalog.index(table, indexName);
    if (!index) throw new Error(`Index ${source.indexName} not found.`);
    const interval = compileIndexRange(source.indexName, index, source.range as RangeExpression[]);
    return { table, index, interval, order: source.order ?? "asc" };
  }
  throw new Error(`Unsupported query source ${(source as { type: string }).type}`);
}
