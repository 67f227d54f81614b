/** Shared helpers for the database unit tests. */
import { convexToJson, type Value } from "convex/values";
import { defineSchema } from "convex/server";
import { Database, type Document, type SchemaJson, type SerializedQuery, type Transaction } from "../../../src/sandbox/database/index.ts";

/** A database with a controllable clock (ms). */
export function newDatabase(start = 1_700_000_000_000): { db: Database; clock: { now: number } } {
  const clock = { now: start };
  return { db: new Database({ now: () => clock.now }), clock };
}

/** The JSON `schema.export()` of a real `defineSchema(...)`. */
export function schemaJson(schema: ReturnType<typeof defineSchema>): SchemaJson {
  return JSON.parse((schema as unknown as { export(): string }).export()) as SchemaJson;
}

export function collect(tx: Transaction, query: SerializedQuery): Document[] {
  const id = tx.startQuery(query);
  const out: Document[] = [];
  for (;;) {
    const { value, done } = tx.nextInQuery(id);
    if (done) break;
    out.push(value!);
  }
  tx.closeQuery(id);
  return out;
}

/** A range expression as the `convex` package serializes it (values in JSON wire form). */
export function rangeExpr(type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte", fieldPath: string, value: Value | undefined) {
  return { type, fieldPath, value: value === undefined ? { $undefined: null } : convexToJson(value) };
}

export function indexQuery(
  indexName: string,
  range: ReturnType<typeof rangeExpr>[] = [],
  order: "asc" | "desc" | null = null,
  operators: SerializedQuery["operators"] = [],
): SerializedQuery {
  return { source: { type: "IndexRange", indexName, range, order }, operators };
}

export function scan(tableName: string, order: "asc" | "desc" | null = null, operators: SerializedQuery["operators"] = []): SerializedQuery {
  return { source: { type: "FullTableScan", tableName, order }, operators };
}

export const field = (path: string) => ({ $field: path });
export const lit = (v: Value | undefined) => ({ $literal: v === undefined ? { $undefined: null } : convexToJson(v) });

/** Inserts rows in one committed transaction, advancing the clock 1 ms per row; returns their IDs. */
export function seed(db: Database, clock: { now: number }, table: string, rows: Record<string, Value>[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    clock.now += 1;
    const tx = db.begin();
    ids.push(tx.insert(table, row));
    db.commit(tx);
  }
  return ids;
}

export function expectError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}
