/**
 * Applying committed writes to a snapshot: clones each touched table's store
 * once (copy-on-write), replaces each document's index entries, and returns
 * the new tables plus the writes with before-images as of the latest state.
 */
import type { Catalog } from "./schema/catalog.ts";
import { TableStore } from "./indexes/tableStore.ts";
import type { DocumentWrite } from "./types.ts";

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
