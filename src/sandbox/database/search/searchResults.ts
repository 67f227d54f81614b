/**
 * Runs a `withSearchIndex` query: checks the filters against the search
 * index, looks the query terms up in the inverted index, keeps documents whose
 * filter fields equal the `.eq` values, ranks them by relevance (ties newest
 * first) and streams at most 1024 of them.
 * The table is recorded as searched so any write to it invalidates readers.
 */
import type { Document, SerializedQuery } from "../types.ts";
import { decodeQueryValue } from "../values/decodeQueryValue.ts";
import { encodeValue } from "../values/indexKey.ts";
import type { IndexedDocument } from "../indexes/searchIndex.ts";
import { splitIndexName } from "../query/planQuery.ts";
import type { ReadView } from "../query/readView.ts";
import { bm25Score, queryTermList, type QueryTerm } from "./bm25.ts";
import { queryTerms } from "./tokenize.ts";

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

    // Filters compare encoded values: each posting carries its document's encoded filter fields.
    const wanted = equalities.map((eq) => ({
      position: index.filterFields.indexOf(eq.fieldPath),
      key: encodeValue(decodeQueryValue(eq.value)),
    }));
    const passes = (entry: IndexedDocument) => wanted.every((w) => entry.filterKeys[w.position] === w.key);
    const postings = view.table(table)?.searchIndex(indexName);
    const ranked: Array<{ doc: Document; score: number }> = [];
    if (postings) {
      // Only the query terms' postings are visited: per matching document, each term's frequency.
      const termList = queryTermList(queryTerms(String(search.value ?? "")));
      const matches = new Map<IndexedDocument, number[]>();
      const terms: QueryTerm[] = termList.map((q, i) => {
        let documentFrequency = 0;
        const counted = q.prefix ? new Set<IndexedDocument>() : null;
        postings.forEachPosting(q.term, q.prefix, ({ entry, termFrequency }) => {
          if (counted === null) documentFrequency++;
          else if (!counted.has(entry)) {
            counted.add(entry);
            documentFrequency++;
          }
          if (!passes(entry)) return;
          let frequencies = matches.get(entry);
          if (!frequencies) matches.set(entry, (frequencies = new Array<number>(termList.length).fill(0)));
          frequencies[i] += termFrequency;
        });
        return { ...q, documentFrequency };
      });
      const stats = {
        documentCount: postings.documentCount,
        averageLength: postings.tokenCount / Math.max(1, postings.documentCount),
      };
      for (const [entry, frequencies] of matches) {
        ranked.push({ doc: entry.doc, score: bm25Score(entry.length, frequencies, terms, stats) });
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
