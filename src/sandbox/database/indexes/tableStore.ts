/**
 * One table's documents in one snapshot: a B+ tree per index, keyed by the
 * encoded index key (indexed field values, then `_id`). A published store is
 * never mutated; writers work on `clone()`, which is O(number of indexes).
 */
import type { Document } from "../types.ts";
import type { IndexDef, SearchIndexDef } from "../schema/catalog.ts";
import { SearchIndexStore } from "./searchIndex.ts";
import { BY_ID } from "../schema/catalog.ts";
import { getFieldPath } from "../values/fieldPath.ts";
import { encodeValue } from "../values/indexKey.ts";
import { newIndexTree, type IndexTree } from "./btree.ts";

export interface StoredIndex {
  def: IndexDef;
  tree: IndexTree;
}

/** The encoded key of `doc` in index `def`: its field values, then its `_id`. */
export function indexKeyOf(def: IndexDef, doc: Document): string {
  let key = "";
  for (const field of def.fields) key += encodeValue(getFieldPath(doc, field));
  return key + encodeValue(doc._id);
}

export function idKey(id: string): string {
  return encodeValue(id);
}

export class TableStore {
  constructor(
    readonly name: string,
    readonly indexes: Map<string, StoredIndex>,
    readonly searchIndexes: Map<string, SearchIndexStore> = new Map(),
  ) {}

  static empty(name: string, defs: Map<string, IndexDef>, searchDefs: Map<string, SearchIndexDef>): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, def] of defs) indexes.set(n, { def, tree: newIndexTree() });
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, def] of searchDefs) searchIndexes.set(n, SearchIndexStore.empty(def));
    return new TableStore(name, indexes, searchIndexes);
  }

  clone(): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, ix] of this.indexes) indexes.set(n, { def: ix.def, tree: ix.tree.clone() });
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, ix] of this.searchIndexes) searchIndexes.set(n, ix.clone());
    return new TableStore(this.name, indexes, searchIndexes);
  }

  /** A store with exactly these indexes, reusing trees whose fields are unchanged and building the rest. */
  withIndexes(defs: Map<string, IndexDef>, searchDefs: Map<string, SearchIndexDef>): TableStore {
    const byId = this.indexes.get(BY_ID)!.tree;
    const indexes = new Map<string, StoredIndex>();
    for (const [n, def] of defs) {
      const existing = this.indexes.get(n);
      if (existing && existing.def.fields.join("\0") === def.fields.join("\0")) {
        indexes.set(n, { def, tree: existing.tree.clone() });
        continue;
      }
      const tree = newIndexTree();
      byId.forEach((doc) => {
        tree.set(indexKeyOf(def, doc), doc);
      });
      indexes.set(n, { def, tree });
    }
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, def] of searchDefs) {
      const existing = this.searchIndexes.get(n);
      if (existing && existing.fitsDefinition(def)) {
        searchIndexes.set(n, existing.clone(def));
        continue;
      }
      const store = SearchIndexStore.empty(def);
      byId.forEach((doc) => store.put(undefined, doc));
      searchIndexes.set(n, store);
    }
    return new TableStore(this.name, indexes, searchIndexes);
  }

  get size(): number {
    return this.indexes.get(BY_ID)!.tree.size;
  }

  getById(id: string): Document | undefined {
    return this.indexes.get(BY_ID)!.tree.get(idKey(id));
  }

  index(name: string): StoredIndex | undefined {
    return this.indexes.get(name);
  }

  searchIndex(name: string): SearchIndexStore | undefined {
    return this.searchIndexes.get(name);
  }

  /** Mutates: only call on a store you own (a clone). */
  put(before: Document | undefined, after: Document | null): void {
    for (const ix of this.indexes.values()) {
      if (before) ix.tree.delete(indexKeyOf(ix.def, before));
      if (after) ix.tree.set(indexKeyOf(ix.def, after), after);
    }
    for (const ix of this.searchIndexes.values()) ix.put(before, after);
  }

  documents(): Iterable<Document> {
    return this.indexes.get(BY_ID)!.tree.values();
  }
}
