/**
 * Words used to compare a pasted error with an entry's error texts. Placeholders and
 * filler words are dropped; adjacent word pairs keep some of the word order.
 */

const FILLER = new Set([
  "a", "an", "the", "of", "to", "in", "on", "for", "is", "are", "be", "it", "its", "this", "that",
  "and", "or", "with", "as", "at", "by", "from", "was", "were", "has", "have", "you", "your",
  "error", "uncaught", "see", "https", "http", "docs", "convex", "dev", "details", "more",
]);

/** Distinctive words of an already normalized message, in order. */
export function words(normalized: string): string[] {
  return normalized
    .replace(/<[a-z]+>/g, " ")
    .split(/[^a-z0-9_$]+/)
    .filter((w) => w.length > 1 && !FILLER.has(w));
}

/** Words plus adjacent pairs ("too many", "many documents"), as a set. */
export function tokenSet(tokens: string[]): Set<string> {
  const set = new Set(tokens);
  for (let i = 0; i + 1 < tokens.length; i += 1) set.add(`${tokens[i]} ${tokens[i + 1]}`);
  return set;
}

/**
 * How well a pasted message covers an entry's text: mostly the share of the entry's
 * tokens found in the paste, partly the overlap of both (so a short entry text does
 * not win just by being contained in a long paste). 0..1.
 */
export function similarity(entryTokens: string[], pastedTokens: Set<string>, pastedSize: number): number {
  const entry = tokenSet(entryTokens);
  if (entry.size === 0 || pastedSize === 0) return 0;
  let shared = 0;
  for (const token of entry) if (pastedTokens.has(token)) shared += 1;
  const coverage = shared / entry.size;
  const dice = (2 * shared) / (entry.size + pastedSize);
  return 0.6 * coverage + 0.4 * dice;
}
