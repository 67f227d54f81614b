/**
 * BM25 relevance with the query's last term matched as a prefix (every
 * token it prefixes counts as an occurrence). Collection statistics (document
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

/** The BM25 score of one document (given its tokens) for the query terms. */
export function bm25Score(tokens: string[], terms: QueryTerm[], stats: CollectionStats): number {
  let score = 0;
  const lengthNorm = 1 - B + (B * tokens.length) / (stats.averageLength || 1);
  for (const q of terms) {
    let tf = 0;
    for (const t of tokens) if (q.prefix ? t.startsWith(q.term) : t === q.term) tf++;
    if (tf === 0) continue;
    const df = q.documentFrequency;
    const idf = Math.log(1 + (stats.documentCount - df + 0.5) / (df + 0.5));
    score += (idf * tf * (K1 + 1)) / (tf + K1 * lengthNorm);
  }
  return score;
}
