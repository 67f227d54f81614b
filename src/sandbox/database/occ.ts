/**
 * Optimistic concurrency: does a committed write fall into what a
 * transaction read? A write conflicts when its before or after image has a
 * key inside one of the read index intervals, or its table was text-searched.
 */
import type { Catalog } from "./schema/catalog.ts";
import { indexKeyOf } from "./indexes/tableStore.ts";
import type { DocumentWrite } from "./types.ts";

export interface KeyRange {
  index: string;
  start: string;
  end: string | null;
}

/** A read set grouped by table, then index, ready for repeated overlap checks. */
export interface PreparedReadSet {
  tables: Map<string, Map<string, Array<{ start: string; end: string | null }>>>;
  searchedTables: ReadonlySet<string>;
}

export function prepareReadSet(ranges: Iterable<KeyRange>, searchedTables: Iterable<string>): PreparedReadSet {
  const tables = new Map<string, Map<string, Array<{ start: string; end: string | null }>>>();
  for (const r of ranges) {
    const dot = r.index.lastIndexOf(".");
    const table = r.index.slice(0, dot);
    const index = r.index.slice(dot + 1);
    let byIndex = tables.get(table);
    if (!byIndex) tables.set(table, (byIndex = new Map()));
    let list = byIndex.get(index);
    if (!list) byIndex.set(index, (list = []));
    list.push({ start: r.start, end: r.end });
  }
  return { tables, searchedTables: new Set(searchedTables) };
}

export function writeOverlaps(readSet: PreparedReadSet, write: DocumentWrite, catalog: Catalog): boolean {
  if (readSet.searchedTables.has(write.table)) return true;
  const byIndex = readSet.tables.get(write.table);
  if (!byIndex) return false;
  for (const [indexName, ranges] of byIndex) {
    const def = catalog.index(write.table, indexName);
    if (!def) return true; // the index changed since the read: assume the worst
    for (const doc of [write.before, write.after]) {
      if (!doc) continue;
      const key = indexKeyOf(def, doc);
      for (const range of ranges) {
        if (key >= range.start && (range.end === null || key < range.end)) return true;
      }
    }
  }
  return false;
}

export function conflictMessage(
  table: string | null,
  documentId: string | null,
  writerSource: string | null,
  ourSource: string | null,
): string {
  const tableText = table !== null ? `the "${table}" table` : "some table";
  let source = "";
  if (documentId !== null && writerSource !== null) {
    const preamble = writerSource === ourSource ? "Another call to this mutation" : `A call to "${writerSource}"`;
    source = `${preamble} changed the document with ID "${documentId}". `;
  }
  return `Documents read from or written to ${tableText} changed while this mutation was being run and on every subsequent retry. ${source}See https://docs.convex.dev/error#1`;
}
