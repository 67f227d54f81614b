/**
 * Applying committed writes to a snapshot: clones each touched table's store
 * once (copy-on-write), replaces each document's index entries, and returns
 * the new tables plus the writes with before-images as of the latest state.
 * Replaying a whole commit log into empty tables instead builds each table
 * once from its final documents.
 */
import type { Catalog } from "./schema/catalog.ts";
import { TableStore } from "./indexes/tableStore.ts";
import type { Commit, Document, DocumentWrite } from "./types.ts";

export function applyWrites(
  tables: ReadonlyMap<string, TableStore>,
  catalog: Catalog,
  writes: ReadonlyArray<DocumentWrite>,
  /** Replaying a log whose before-images are known to be exact: skip looking them up. */
  trustBefore = false,
): { tables: Map<string, TableStore>; writes: DocumentWrite[] } {
  const next = new Map(tables);
  const cloned = new Set<string>();
  const applied: DocumentWrite[] = [];
  for (const w of writes) {
    let store = next.get(w.table);
    if (!cloned.has(w.table)) {
      store = store ? store.clone() : TableStore.empty(w.table, catalog.indexesOf(w.table), catalog.searchIndexesOf(w.table));
      next.set(w.table, store);
      cloned.add(w.table);
    }
    const current = trustBefore ? (w.before ?? undefined) : store!.getById(w.id);
    store!.put(current, w.after);
    applied.push({ table: w.table, id: w.id, before: current ?? null, after: w.after });
  }
  return { tables: next, writes: applied };
}

/**
 * The tables after replaying `commits` in order. Tables that are empty in
 * `tables` are built in one go from their final documents (sorted bulk
 * loading); tables that already hold documents get the writes one by one.
 */
export function replayCommits(
  tables: ReadonlyMap<string, TableStore>,
  catalog: Catalog,
  commits: Iterable<Commit>,
  /** Called with each commit as it is read (the log may be streamed once). */
  visit: (commit: Commit) => void,
): Map<string, TableStore> {
  const finalDocs = new Map<string, Map<string, Document | null>>();
  const incremental: DocumentWrite[] = [];
  for (const commit of commits) {
    visit(commit);
    for (const w of commit.writes) {
      if ((tables.get(w.table)?.size ?? 0) > 0) {
        incremental.push(w);
        continue;
      }
      let docs = finalDocs.get(w.table);
      if (!docs) finalDocs.set(w.table, (docs = new Map()));
      docs.set(w.id, w.after);
    }
  }
  const next = applyWrites(tables, catalog, incremental, true).tables;
  for (const [table, docs] of finalDocs) {
    const live: Document[] = [];
    for (const doc of docs.values()) if (doc !== null) live.push(doc);
    next.set(table, TableStore.build(table, catalog.indexesOf(table), catalog.searchIndexesOf(table), live));
  }
  return next;
}
