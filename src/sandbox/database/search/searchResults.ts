/**
 * Runs a `withSearchIndex` query: checks the filters against the search
 * index, looks the query terms up in the inverted index, keeps documents whose
 * filter fields equal the `.eq` values, ranks them by relevance (ties newest
 * first) and streams at most 1024 of them.
 * The table is recorded as searched so any write to it invalidates readers.
 */
import { compareValues } from "convex/values";
import type { Document, SerializedQuery } from "../types.ts";
import { decodeQueryValue } from "../values/decodeQueryValue.ts";
import { getFieldPath } from "../values/fieldPath.ts";
import { splitIndexName } from "../query/planQuery.ts";
import type { ReadView } from "../query/readView.ts";
import { bm25Score, queryTermList, type QueryTerm } from "./bm25.ts";
import { queryTerms, tokenize } from "./tokenize.ts";

export const MAX_CANDIDATE_REVISIONS = 1024;
export const MAX_FILTER_CONDITIONS = 8;

type SearchSource = Extract<SerializedQuery["source"], { type: "Search" }>;

export class SearchResults {
  private readonly results: Document[];
  private position = 0;
  private readonly truncated: boolean;

  constructor(
    private readonly view: ReadView,
    source: SearchSource,
  ) {
    const { table, index: indexName } = splitIndexName(source.indexName);
    const index = view.catalog.searchIndex(table, indexName);
    if (!index) throw new Error(`Index ${source.indexName} not found.`);
    const searches = source.filters.filter((f) => f.type === "Search");
    const equalities = source.filters.filter((f) => f.type === "Eq");
    if (searches.length === 0) {
      throw new Error(
        `Search query against ${source.indexName} does not contain any search filters. You must include a search filter like \`q.search("field", searchText)\`.`,
      );
    }
    if (searches.length > 1) {
      throw new Error(`Search query against ${source.indexName} contains more than one search filter.`);
    }
    const search = searches[0];
    if (search.fieldPath !== index.searchField) {
      throw new Error(
        `Search query against ${source.indexName} must search the field "${index.searchField}", not "${search.fieldPath}".`,
      );
    }
    if (equalities.length > MAX_FILTER_CONDITIONS) {
      throw new Error(
        `Search query against ${source.indexName} has too many filter conditions (${equalities.length} > maximum ${MAX_FILTER_CONDITIONS}).`,
      );
    }
    for (const eq of equalities) {
      if (!index.filterFields.includes(eq.fieldPath)) {
        throw new Error(
          `Search query against ${source.indexName} filters on "${eq.fieldPath}", which is not one of the index's filter fields [${index.filterFields.map((f) => `"${f}"`).join(", ")}].`,
        );
      }
    }
    view.searchedTable(table);

    const wanted = equalities.map((eq) => ({ field: eq.fieldPath, value: decodeQueryValue(eq.value) }));
    const postings = view.table(table)?.searchIndex(indexName);
    const ranked: Array<{ doc: Document; score: number }> = [];
    if (postings) {
      // Candidates come from the inverted index: documents holding at least one query term.
      const candidates = new Map<string, Document>();
      const terms: QueryTerm[] = queryTermList(queryTerms(String(search.value ?? ""))).map((q) => {
        const docs = postings.documentsWithTerm(q.term, q.prefix);
        const ids = new Set<string>();
        for (const doc of docs) {
          ids.add(doc._id);
          candidates.set(doc._id, doc);
        }
        return { ...q, documentFrequency: ids.size };
      });
      const stats = {
        documentCount: postings.documentCount,
        averageLength: postings.tokenCount / Math.max(1, postings.documentCount),
      };
      for (const doc of candidates.values()) {
        if (!wanted.every((w) => compareValues(getFieldPath(doc, w.field), w.value) === 0)) continue;
        const tokens = tokenize(getFieldPath(doc, index.searchField) as string);
        ranked.push({ doc, score: bm25Score(tokens, terms, stats) });
      }
    }
    ranked.sort((a, b) => b.score - a.score || b.doc._creationTime - a.doc._creationTime);
    this.truncated = ranked.length > MAX_CANDIDATE_REVISIONS;
    this.results = ranked.slice(0, MAX_CANDIDATE_REVISIONS).map((r) => r.doc);
  }

  next(): Document | null {
    if (this.position === MAX_CANDIDATE_REVISIONS && this.truncated) {
      throw new Error(
        `Search query scanned too many documents (fetched ${MAX_CANDIDATE_REVISIONS}). Consider using a smaller limit, paginating the query, or using a filter field to limit the number of documents pulled from the search index.`,
      );
    }
    if (this.position >= this.results.length) return null;
    const doc = this.results[this.position++];
    this.view.documentRead(doc);
    return doc;
  }
}
