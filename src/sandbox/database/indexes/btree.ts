/**
 * The B+ tree behind every index (`sorted-btree`): ordered by byte-string
 * keys, with O(1) copy-on-write `clone()` for snapshots.
 */
import BTreeModule from "sorted-btree";
import type BTreeType from "sorted-btree";
import type { Document } from "../types.ts";
import { compareKeys } from "../values/indexKey.ts";

// The package is CommonJS with `exports.default`; depending on the loader the
// default import is either the class or the module object.
const BTreeClass: typeof BTreeType =
  (BTreeModule as unknown as { default?: typeof BTreeType }).default ?? BTreeModule;

export type IndexTree = BTreeType<string, Document>;

/** A B+ tree over index keys holding any value (the search index keeps postings in one). */
export function newKeyedTree<V>(): BTreeType<string, V> {
  return new BTreeClass<string, V>(undefined, compareKeys, 64);
}

export function newIndexTree(): IndexTree {
  return new BTreeClass<string, Document>(undefined, compareKeys, 64);
}
