/**
 * BM25 relevance with the query's last term matched as a prefix (every
 * token it prefixes counts as an occurrence; its document frequency counts
 * each document once). Collection statistics (document
 * count, average length, document frequencies) come from the search index.
 */
import type { SearchTerms } from "./tokenize.ts";

const K1 = 1.2;
const B = 0.75;

export interface QueryTerm {
  term: string;
  prefix: boolean;
  /** How many indexed documents contain the term. */
  documentFrequency: number;
}

export interface CollectionStats {
  documentCount: number;
  averageLength: number;
}

export function queryTermList(terms: SearchTerms): Array<{ term: string; prefix: boolean }> {
  if (terms.prefix === null) return [];
  return [...terms.exact.map((term) => ({ term, prefix: false })), { term: terms.prefix, prefix: true }];
}

/**
 * The BM25 score of one document of `length` tokens, given how often each
 * query term occurs in it (`termFrequencies[i]` for `terms[i]`).
 */
export function bm25Score(length: number, termFrequencies: readonly number[], terms: QueryTerm[], stats: CollectionStats): number {
  let score = 0;
  const lengthNorm = 1 - B + (B * length) / (stats.averageLength || 1);
  for (let i = 0; i < terms.length; i++) {
    const tf = termFrequencies[i];
    if (tf === 0) continue;
    const df = terms[i].documentFrequency;
    const idf = Math.log(1 + (stats.documentCount - df + 0.5) / (df + 0.5));
    score += (idf * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
  }
  return score;
}
