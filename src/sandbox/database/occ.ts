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

export function writeOverlaps(
  ranges: ReadonlyArray<KeyRange>,
  searchedTables: ReadonlySet<string>,
  write: DocumentWrite,
  catalog: Catalog,
): boolean {
  if (searchedTables.has(write.table)) return true;
  const prefix = `${write.table}.`;
  for (const range of ranges) {
    if (!range.index.startsWith(prefix)) continue;
    const indexName = range.index.slice(prefix.length);
    if (indexName.includes(".")) continue;
    const def = catalog.index(write.table, indexName);
    if (!def) return true;
    for (const doc of [write.before, write.after]) {
      if (!doc) continue;
      const key = indexKeyOf(def, doc);
      if (key >= range.start && (range.end === null || key < range.end)) return true;
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
