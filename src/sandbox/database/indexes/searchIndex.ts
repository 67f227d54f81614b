/**
 * An inverted index for one text-search index of one table: a B+ tree of
 * postings keyed by `term \0 <document key>`, cloned copy-on-write with its
 * table. Each posting carries what ranking and filtering need (the term's
 * frequency in the document, the document's length and the encoded values of
 * its filter fields), so a search touches only the postings it matches and
 * never re-reads or re-tokenizes a document. Also keeps the document and token
 * counts that relevance needs.
 */
import type BTreeType from "sorted-btree";
import type { SearchIndexDef } from "../schema/catalog.ts";
import type { Document } from "../types.ts";
import { getFieldPath } from "../values/fieldPath.ts";
import { encodeValue } from "../values/indexKey.ts";
import { tokenize } from "../search/tokenize.ts";
import { newKeyedTree } from "./btree.ts";

const SEPARATOR = "\x00";

/** What every posting of one document shares. */
export interface IndexedDocument {
  readonly doc: Document;
  /** Number of tokens in the search field. */
  readonly length: number;
  /** `encodeValue` of each filter field's value, in `def.filterFields` order (missing = undefined). */
  readonly filterKeys: readonly string[];
}

export interface Posting {
  readonly entry: IndexedDocument;
  /** How often the posting's term occurs in the document. */
  readonly termFrequency: number;
}

type PostingTree = BTreeType<string, Posting>;

function searchText(def: SearchIndexDef, doc: Document): string | null {
  const text = getFieldPath(doc, def.searchField);
  return typeof text === "string" ? text : null;
}

export class SearchIndexStore {
  constructor(
    readonly def: SearchIndexDef,
    private readonly postings: PostingTree,
    /** Documents whose search field is a string. */
    public documentCount: number,
    /** Sum of their token counts. */
    public tokenCount: number,
  ) {}

  static empty(def: SearchIndexDef): SearchIndexStore {
    return new SearchIndexStore(def, newKeyedTree<Posting>(), 0, 0);
  }

  /** Whether postings built under `this.def` are valid under `def` (same search and filter fields). */
  fitsDefinition(def: SearchIndexDef): boolean {
    return (
      def.searchField === this.def.searchField &&
      def.filterFields.length === this.def.filterFields.length &&
      def.filterFields.every((f, i) => f === this.def.filterFields[i])
    );
  }

  /** A copy-on-write copy (optionally under an updated definition that `fitsDefinition`). */
  clone(def: SearchIndexDef = this.def): SearchIndexStore {
    return new SearchIndexStore(def, this.postings.clone(), this.documentCount, this.tokenCount);
  }

  /** Mutates: only call on a store you own. */
  put(before: Document | undefined, after: Document | null): void {
    for (const [doc, sign] of [[before, -1], [after, 1]] as const) {
      if (!doc) continue;
      const text = searchText(this.def, doc);
      if (text === null) continue;
      const tokens = tokenize(text);
      this.documentCount += sign;
      this.tokenCount += sign * tokens.length;
      const docKey = encodeValue(doc._id);
      const frequencies = new Map<string, number>();
      for (const t of tokens) frequencies.set(t, (frequencies.get(t) ?? 0) + 1);
      if (sign < 0) {
        for (const term of frequencies.keys()) this.postings.delete(term + SEPARATOR + docKey);
        continue;
      }
      const entry: IndexedDocument = {
        doc,
        length: tokens.length,
        filterKeys: this.def.filterFields.map((f) => encodeValue(getFieldPath(doc, f))),
      };
      for (const [term, termFrequency] of frequencies) this.postings.set(term + SEPARATOR + docKey, { entry, termFrequency });
    }
  }

  /** Calls `visit` for each posting of `term` exactly, or (prefix) of every term starting with it. */
  forEachPosting(term: string, prefix: boolean, visit: (posting: Posting) => void): void {
    const start = prefix ? term : term + SEPARATOR;
    for (const [key, posting] of this.postings.entries(start)) {
      if (!key.startsWith(start)) break;
      visit(posting);
    }
  }
}
