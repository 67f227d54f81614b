/**
 * An inverted index for one text-search index of one table: a B+ tree of
 * postings keyed by `term \0 <document key>`, cloned copy-on-write with its
 * table. Also keeps the document and token counts that relevance needs.
 */
import type { SearchIndexDef } from "../schema/catalog.ts";
import type { Document } from "../types.ts";
import { getFieldPath } from "../values/fieldPath.ts";
import { encodeValue } from "../values/indexKey.ts";
import { tokenize } from "../search/tokenize.ts";
import { newIndexTree, type IndexTree } from "./btree.ts";

const SEPARATOR = "\x00";

function searchText(def: SearchIndexDef, doc: Document): string | null {
  const text = getFieldPath(doc, def.searchField);
  return typeof text === "string" ? text : null;
}

export class SearchIndexStore {
  constructor(
    readonly def: SearchIndexDef,
    private readonly postings: IndexTree,
    /** Documents whose search field is a string. */
    public documentCount: number,
    /** Sum of their token counts. */
    public tokenCount: number,
  ) {}

  static empty(def: SearchIndexDef): SearchIndexStore {
    return new SearchIndexStore(def, newIndexTree(), 0, 0);
  }

  /** A copy-on-write copy (optionally under an updated definition with the same search field). */
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
      for (const term of new Set(tokens)) {
        const key = term + SEPARATOR + docKey;
        if (sign < 0) this.postings.delete(key);
        else this.postings.set(key, doc);
      }
    }
  }

  /** Documents containing `term` exactly, or (prefix) any term starting with it. */
  documentsWithTerm(term: string, prefix: boolean): Document[] {
    const out: Document[] = [];
    const start = prefix ? term : term + SEPARATOR;
    for (const [key, doc] of this.postings.entries(start)) {
      if (!key.startsWith(start)) break;
      out.push(doc);
    }
    return out;
  }
}
