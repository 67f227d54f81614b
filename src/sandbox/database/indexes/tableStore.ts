/**
 * One table's documents in one snapshot: a B+ tree per index, keyed by the
 * encoded index key (indexed field values, then `_id`), plus O(1) point reads
 * by `_id` through the table's shared `DocumentVersions` and this store's own
 * writes not yet published. A published store is never mutated (publishing
 * seals its writes into the shared versions); writers work on `clone()`,
 * which is O(number of indexes + own unpublished writes).
 */
import type { Document } from "../types.ts";
import type { IndexDef, SearchIndexDef } from "../schema/catalog.ts";
import { SearchIndexStore } from "./searchIndex.ts";
import { BY_ID } from "../schema/catalog.ts";
import { encodeDocumentKey, encodeValue } from "../values/indexKey.ts";
import { documentSize } from "../values/size.ts";
import { newIndexTree, type IndexTree } from "./btree.ts";
import { DocumentVersions } from "./documentVersions.ts";

export interface StoredIndex {
  def: IndexDef;
  tree: IndexTree;
}

/** The encoded key of `doc` in index `def`: its field values, then its `_id`. */
export function indexKeyOf(def: IndexDef, doc: Document): string {
  return encodeDocumentKey(def.fields, doc);
}

export function idKey(id: string): string {
  return encodeValue(id);
}

export class TableStore {
  /** Counts `put` calls: an index scan may keep walking its tree while this is unchanged. */
  private writeCount = 0;

  constructor(
    readonly name: string,
    readonly indexes: Map<string, StoredIndex>,
    readonly searchIndexes: Map<string, SearchIndexStore> = new Map(),
    private versions: DocumentVersions = new DocumentVersions(),
    /** Which versions this store sees (see DocumentVersions). */
    private seq = 0,
    /** Documents written in this store since it was cloned from a published one (null = deleted). */
    private ownWrites: Map<string, Document | null> | null = null,
  ) {}

  static empty(name: string, defs: Map<string, IndexDef>, searchDefs: Map<string, SearchIndexDef>): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, def] of defs) indexes.set(n, { def, tree: newIndexTree() });
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, def] of searchDefs) searchIndexes.set(n, SearchIndexStore.empty(def));
    return new TableStore(name, indexes, searchIndexes);
  }

  /**
   * A store holding `docs` (distinct ids, any order), built index by index
   * from sorted keys: appending in key order fills B+ tree nodes at the right
   * edge, far cheaper than inserting a million keys at random places.
   */
  static build(
    name: string,
    defs: Map<string, IndexDef>,
    searchDefs: Map<string, SearchIndexDef>,
    docs: ReadonlyArray<Document>,
  ): TableStore {
    const store = TableStore.empty(name, defs, searchDefs);
    // Measured now, while each document is being touched anyway, so no read has to.
    for (const doc of docs) documentSize(doc);
    store.versions = DocumentVersions.of(docs);
    for (const ix of store.indexes.values()) {
      const entries: Array<[string, Document]> = docs.map((doc) => [indexKeyOf(ix.def, doc), doc]);
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [key, doc] of entries) ix.tree.set(key, doc);
    }
    for (const ix of store.searchIndexes.values()) for (const doc of docs) ix.put(undefined, doc);
    return store;
  }

  clone(): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, ix] of this.indexes) indexes.set(n, { def: ix.def, tree: ix.tree.clone() });
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, ix] of this.searchIndexes) searchIndexes.set(n, ix.clone());
    return this.withStores(indexes, searchIndexes);
  }

  private withStores(indexes: Map<string, StoredIndex>, searchIndexes: Map<string, SearchIndexStore>): TableStore {
    const own = this.ownWrites === null ? null : new Map(this.ownWrites);
    return new TableStore(this.name, indexes, searchIndexes, this.versions, this.seq, own);
  }

  /**
   * Called when this store is published: its own writes become the next
   * version of the table's shared map. (If another store of this table was
   * published from the same parent first, which the database never does,
   * this store starts a fresh map from its own documents.)
   */
  seal(): void {
    if (this.ownWrites === null) return;
    if (this.versions.latestSeq !== this.seq) {
      this.versions = DocumentVersions.of(this.documents());
      this.seq = 0;
    } else {
      this.seq = this.versions.seal(this.ownWrites);
    }
    this.ownWrites = null;
  }

  /** Changes with every write to this store. */
  get version(): number {
    return this.writeCount;
  }

  /** A store with exactly these indexes, reusing trees whose fields are unchanged and building the rest. */
  withIndexes(defs: Map<string, IndexDef>, searchDefs: Map<string, SearchIndexDef>): TableStore {
    const byIdTree = this.indexes.get(BY_ID)!.tree;
    const indexes = new Map<string, StoredIndex>();
    for (const [n, def] of defs) {
      const existing = this.indexes.get(n);
      if (existing && existing.def.fields.join("\0") === def.fields.join("\0")) {
        indexes.set(n, { def, tree: existing.tree.clone() });
        continue;
      }
      const tree = newIndexTree();
      byIdTree.forEach((doc) => {
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
      byIdTree.forEach((doc) => store.put(undefined, doc));
      searchIndexes.set(n, store);
    }
    return this.withStores(indexes, searchIndexes);
  }

  get size(): number {
    return this.indexes.get(BY_ID)!.tree.size;
  }

  getById(id: string): Document | undefined {
    const own = this.ownWrites?.get(id);
    if (own !== undefined) return own ?? undefined;
    const shared = this.versions.lookup(id, this.seq);
    if (shared !== undefined) return shared ?? undefined;
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
    this.writeCount++;
    const own = (this.ownWrites ??= new Map());
    if (before && (!after || after._id !== before._id)) own.set(before._id, null);
    if (after) own.set(after._id, after);
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
