/**
 * Text-search tokenization as Convex describes it: split on whitespace and
 * punctuation, lowercase, drop terms longer than 32 characters. A query keeps
 * at most 16 terms; its last term matches as a prefix.
 */
export const MAX_TERM_LENGTH = 32;
export const MAX_QUERY_TERMS = 16;

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && [...t].length <= MAX_TERM_LENGTH);
}

export interface SearchTerms {
  /** Terms matched exactly. */
  exact: string[];
  /** The last term, matched as a prefix (null for an empty query). */
  prefix: string | null;
}

export function queryTerms(text: string): SearchTerms {
  const terms = tokenize(text).slice(0, MAX_QUERY_TERMS);
  if (terms.length === 0) return { exact: [], prefix: null };
  return { exact: terms.slice(0, -1), prefix: terms[terms.length - 1] };
}
