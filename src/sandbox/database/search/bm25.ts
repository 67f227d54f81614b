/**
 * BM25 relevance over one table's search field, with the query's last term
 * matched as a prefix (every token it prefixes counts as an occurrence).
 */
import type { SearchTerms } from "./tokenize.ts";

const K1 = 1.2;
const B = 0.75;

export interface ScoredCandidate<T> {
  item: T;
  score: number;
}

/** Scores every candidate (its tokens given) containing at least one query term; others are dropped. */
export function rankBm25<T>(candidates: Array<{ item: T; tokens: string[] }>, terms: SearchTerms): ScoredCandidate<T>[] {
  const n = candidates.length;
  if (n === 0 || terms.prefix === null) return [];
  const avgLength = candidates.reduce((s, c) => s + c.tokens.length, 0) / n || 1;
  const queryTerms = [...terms.exact.map((t) => ({ term: t, prefix: false })), { term: terms.prefix, prefix: true }];
  const matches = (token: string, q: { term: string; prefix: boolean }) =>
    q.prefix ? token.startsWith(q.term) : token === q.term;

  const frequencies = candidates.map((c) => queryTerms.map((q) => c.tokens.filter((t) => matches(t, q)).length));
  const documentFrequency = queryTerms.map((_, qi) => frequencies.filter((f) => f[qi] > 0).length);
  const idf = documentFrequency.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));

  const out: ScoredCandidate<T>[] = [];
  candidates.forEach((c, ci) => {
    let score = 0;
    let matched = false;
    queryTerms.forEach((_, qi) => {
      const tf = frequencies[ci][qi];
      if (tf === 0) return;
      matched = true;
      score += (idf[qi] * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * c.tokens.length) / avgLength));
    });
    if (matched) out.push({ item: c.item, score });
  });
  return out;
}
