/**
 * One table's documents in one snapshot: a B+ tree per index, keyed by the
 * encoded index key (indexed field values, then `_id`). A published store is
 * never mutated; writers work on `clone()`, which is O(number of indexes).
 */
import type { Document } from "../types.ts";
import type { IndexDef } from "../schema/catalog.ts";
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
  ) {}

  static empty(name: string, defs: Map<string, IndexDef>): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, def] of defs) indexes.set(n, { def, tree: newIndexTree() });
    return new TableStore(name, indexes);
  }

  clone(): TableStore {
    const indexes = new Map<string, StoredIndex>();
    for (const [n, ix] of this.indexes) indexes.set(n, { def: ix.def, tree: ix.tree.clone() });
    return new TableStore(this.name, indexes);
  }

  /** A store with exactly `defs`, reusing trees whose fields are unchanged and building the rest. */
  withIndexes(defs: Map<string, IndexDef>): TableStore {
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
    return new TableStore(this.name, indexes);
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

  /** Mutates: only call on a store you own (a clone). */
  put(before: Document | undefined, after: Document | null): void {
    for (const ix of this.indexes.values()) {
      if (before) ix.tree.delete(indexKeyOf(ix.def, before));
      if (after) ix.tree.set(indexKeyOf(ix.def, after), after);
    }
  }

  documents(): Iterable<Document> {
    return this.indexes.get(BY_ID)!.tree.values();
  }
}
