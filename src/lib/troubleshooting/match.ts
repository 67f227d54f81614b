/**
 * matchError: which knowledge-base entries explain a pasted error message, best first.
 *
 * Ranking: entries whose regex `pattern` matches come first, then entries whose error
 * headline appears (after normalization) inside the pasted text, then entries by token
 * similarity. Within a tier, higher similarity and then the more specific (longer) error
 * text wins. Works on the JSON index alone, so it runs in the browser and in the playground.
 */
import { normalizeError, stripErrorWrapping } from "./normalize";
import { similarity, tokenSet, words } from "./tokens";
import type { ErrorMatch, IndexedEntry, IndexedErrorText, MatchKind, TroubleshootingIndex } from "./types";

export interface MatchOptions {
  /** Most results to return (default 5). */
  limit?: number;
  /** Least similarity for a result that matched neither a pattern nor a headline (default 0.4). */
  minScore?: number;
  /** Least similarity for such a result when another entry matched exactly (default 0.55). */
  minScoreBesideExact?: number;
}

const KIND_RANK: Record<MatchKind, number> = { pattern: 2, exact: 1, similar: 0 };

const compiled = new Map<string, RegExp | null>();

function regexOf(pattern: string): RegExp | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, "i");
    } catch {
      regex = null;
    }
    compiled.set(pattern, regex);
  }
  return regex;
}

interface Pasted {
  raw: string;
  stripped: string;
  normalized: string;
  tokens: Set<string>;
}

function kindOf(error: IndexedErrorText, pasted: Pasted): MatchKind {
  if (error.pattern !== undefined) {
    const regex = regexOf(error.pattern);
    if (regex !== null && (regex.test(pasted.stripped) || regex.test(pasted.raw))) return "pattern";
  }
  // A headline of one or two words ("Server Error") says too little to count as an exact match.
  if (words(error.headline).length >= 3 && pasted.normalized.includes(error.headline)) return "exact";
  return "similar";
}

interface Candidate extends ErrorMatch {
  specificity: number;
}

function bestFor(entry: IndexedEntry, pasted: Pasted): Candidate | null {
  let best: Candidate | null = null;
  for (const error of entry.errors) {
    const kind = kindOf(error, pasted);
    const score = Math.max(
      similarity(error.tokens, pasted.tokens, pasted.tokens.size),
      similarity(words(error.headline), pasted.tokens, pasted.tokens.size),
    );
    const candidate: Candidate = {
      slug: entry.slug,
      url: entry.url,
      title: entry.title,
      kind,
      score,
      matchedText: error.text,
      specificity: error.normalized.length,
    };
    if (best === null || compare(candidate, best) < 0) best = candidate;
  }
  return best;
}

/** Negative when a ranks before b. */
function compare(a: Candidate, b: Candidate): number {
  return (
    KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
    b.score - a.score ||
    b.specificity - a.specificity ||
    a.slug.localeCompare(b.slug)
  );
}

export function matchError(
  text: string,
  index: Pick<TroubleshootingIndex, "entries">,
  options: MatchOptions = {},
): ErrorMatch[] {
  const limit = options.limit ?? 5;
  const minScore = options.minScore ?? 0.4;
  if (text.trim() === "") return [];
  const normalized = normalizeError(text);
  const pasted: Pasted = {
    raw: text,
    stripped: stripErrorWrapping(text),
    normalized,
    tokens: tokenSet(words(normalized)),
  };
  const candidates: Candidate[] = [];
  for (const entry of index.entries) {
    const best = bestFor(entry, pasted);
    if (best !== null && (best.kind !== "similar" || best.score >= minScore)) candidates.push(best);
  }
  // Once an entry matched exactly, only strong look-alikes are worth listing beside it.
  const exactFound = candidates.some((candidate) => candidate.kind !== "similar");
  const besideExact = options.minScoreBesideExact ?? 0.55;
  return candidates
    .filter((candidate) => !exactFound || candidate.kind !== "similar" || candidate.score >= besideExact)
    .sort(compare)
    .slice(0, limit)
    .map(({ specificity: _specificity, ...match }) => match);
}
