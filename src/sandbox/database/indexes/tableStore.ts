/**
 * One table's documents in one snapshot: a B+ tree per index, keyed by the
 * encoded index key (indexed field values, then `_id`), plus O(1) point reads
 * by `_id` through the table's shared `DocumentVersions` and this store's own
 * writes not yet published. A published store is never mutated (publishing
 * seals its writes into the shared versions); writers work on `clone()`,
 * which is O(number of indexes + own unpublished writes).
 *
 * The `by_id` tree is built on first use: point reads go through the
 * versions map, and whole-table walks through `by_creation_time`, so most
 * tables never range-scan by `_id` and need not pay for a fourth tree on
 * every write. Once a store has built it, its clones keep it up to date.
 */
import type { Document } from "../types.ts";
import type { IndexDef, SearchIndexDef } from "../schema/catalog.ts";
import { SearchIndexStore } from "./searchIndex.ts";
import { BY_CREATION_TIME, BY_ID } from "../schema/catalog.ts";
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

/** The `by_id` index: its tree is null until first used. */
interface LazyIndex {
  def: IndexDef;
  tree: IndexTree | null;
}

export class TableStore {
  /** Counts `put` calls: an index scan may keep walking its tree while this is unchanged. */
  private writeCount = 0;

  private constructor(
    readonly name: string,
    /** Every index but `by_id`. */
    private readonly indexes: Map<string, StoredIndex>,
    private readonly byId: LazyIndex,
    readonly searchIndexes: Map<string, SearchIndexStore>,
    private versions: DocumentVersions,
    /** Which versions this store sees (see DocumentVersions). */
    private seq: number,
    /** Documents written in this store since it was cloned from a published one (null = deleted). */
    private ownWrites: Map<string, Document | null> | null,
  ) {}

  static empty(name: string, defs: Map<string, IndexDef>, searchDefs: Map<string, SearchIndexDef>): TableStore {
    return TableStore.build(name, defs, searchDefs, []);
  }

  /** A store holding `docs` (distinct ids, any order), each index built from sorted keys. */
  static build(
    name: string,
    defs: Map<string, IndexDef>,
    searchDefs: Map<string, SearchIndexDef>,
    docs: ReadonlyArray<Document>,
  ): TableStore {
    // Measured now, while each document is being touched anyway, so no read has to.
    for (const doc of docs) documentSize(doc);
    const { indexes, byId } = splitIndexes(defs, (def) => sortedTree(def, docs));
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, def] of searchDefs) {
      const ix = SearchIndexStore.empty(def);
      for (const doc of docs) ix.put(undefined, doc);
      searchIndexes.set(n, ix);
    }
    return new TableStore(name, indexes, byId, searchIndexes, DocumentVersions.of(docs), 0, null);
  }

  clone(): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, ix] of this.indexes) indexes.set(n, { def: ix.def, tree: ix.tree.clone() });
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, ix] of this.searchIndexes) searchIndexes.set(n, ix.clone());
    return this.withStores(indexes, this.byId.def, searchIndexes);
  }

  /** A store of this table with these index stores, its `by_id` tree (if built) cloned, its versions and own writes. */
  private withStores(
    indexes: Map<string, StoredIndex>,
    byIdDef: IndexDef,
    searchIndexes: Map<string, SearchIndexStore>,
  ): TableStore {
    const byId = { def: byIdDef, tree: this.byId.tree?.clone() ?? null };
    const own = this.ownWrites === null ? null : new Map(this.ownWrites);
    return new TableStore(this.name, indexes, byId, searchIndexes, this.versions, this.seq, own);
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
    const { indexes, byId } = splitIndexes(defs, (def) => {
      const existing = this.indexes.get(def.name);
      if (existing && existing.def.fields.join("\0") === def.fields.join("\0")) return existing.tree.clone();
      return sortedTree(def, this.documents());
    });
    const searchIndexes = new Map<string, SearchIndexStore>();
    for (const [n, def] of searchDefs) {
      const existing = this.searchIndexes.get(n);
      if (existing && existing.fitsDefinition(def)) {
        searchIndexes.set(n, existing.clone(def));
        continue;
      }
      const store = SearchIndexStore.empty(def);
      for (const doc of this.documents()) store.put(undefined, doc);
      searchIndexes.set(n, store);
    }
    return this.withStores(indexes, byId.def, searchIndexes);
  }

  get size(): number {
    return this.byCreationTime().size;
  }

  getById(id: string): Document | undefined {
    const own = this.ownWrites?.get(id);
    if (own !== undefined) return own ?? undefined;
    const shared = this.versions.lookup(id, this.seq);
    if (shared !== undefined) return shared ?? undefined;
    return this.index(BY_ID)!.tree.get(idKey(id));
  }

  index(name: string): StoredIndex | undefined {
    if (name !== BY_ID) return this.indexes.get(name);
    // Built from this store's own documents: the same tree every snapshot of it would have kept.
    const tree = (this.byId.tree ??= sortedTree(this.byId.def, this.documents()));
    return { def: this.byId.def, tree };
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
    const byId = this.byId.tree;
    if (byId) {
      if (before) byId.delete(idKey(before._id));
      if (after) byId.set(idKey(after._id), after);
    }
    for (const ix of this.searchIndexes.values()) ix.put(before, after);
  }

  /** Every document, in `by_creation_time` order. */
  documents(): Iterable<Document> {
    return this.byCreationTime().values();
  }

  private byCreationTime(): IndexTree {
    return this.indexes.get(BY_CREATION_TIME)!.tree;
  }
}

/** The indexes in `defs` but `by_id`, each with the tree `treeFor` gives, and `by_id` not built yet. */
function splitIndexes(
  defs: Map<string, IndexDef>,
  treeFor: (def: IndexDef) => IndexTree,
): { indexes: Map<string, StoredIndex>; byId: LazyIndex } {
  const indexes = new Map<string, StoredIndex>();
  let byId: LazyIndex | null = null;
  for (const [n, def] of defs) {
    if (n === BY_ID) byId = { def, tree: null };
    else indexes.set(n, { def, tree: treeFor(def) });
  }
  if (byId === null) throw new Error(`Table "${[...defs.values()][0]?.table}" has no by_id index`);
  return { indexes, byId };
}

/**
 * A tree holding `docs` in index `def`, built from sorted keys: appending in
 * key order fills B+ tree nodes at the right edge, far cheaper than
 * inserting many keys at random places.
 */
function sortedTree(def: IndexDef, docs: Iterable<Document>): IndexTree {
  const entries: Array<[string, Document]> = [];
  for (const doc of docs) entries.push([indexKeyOf(def, doc), doc]);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const tree = newIndexTree();
  for (const [key, doc] of entries) tree.set(key, doc);
  return tree;
}
