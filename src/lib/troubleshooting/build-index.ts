/**
 * Builds the static troubleshooting index (served as /troubleshooting/index.json) from the
 * entries: per entry the fields needed to rank, filter and link, each error text prepared for
 * matching, and a MiniSearch full-text index over everything including the body.
 */
import { normalizeError, stripErrorWrapping } from "./normalize";
import { buildSearch } from "./search";
import { words } from "./tokens";
import type { IndexedEntry, IndexedErrorText, TroubleshootingEntry, TroubleshootingIndex } from "./types";

export function entryUrl(slug: string): string {
  return `/troubleshooting/${slug}/`;
}

/**
 * First sentence of a message, normalized: what an exact match looks for in a pasted error
 * (the details after it, such as paths and values, differ from case to case).
 */
export function headlineOf(text: string): string {
  const firstLine = stripErrorWrapping(text).split("\n").find((line) => line.trim() !== "") ?? "";
  const firstSentence = firstLine.split(/(?<=[.!?])\s+(?=[A-Z])/)[0];
  return normalizeError(firstSentence);
}

function indexErrorText(error: { text: string; pattern?: string }, slug: string): IndexedErrorText {
  if (error.pattern !== undefined) {
    try {
      new RegExp(error.pattern, "i");
    } catch (cause) {
      throw new Error(`Entry "${slug}": the pattern ${JSON.stringify(error.pattern)} is not a valid regular expression (${String(cause)}).`);
    }
  }
  const normalized = normalizeError(error.text);
  return {
    text: error.text,
    ...(error.pattern !== undefined ? { pattern: error.pattern } : {}),
    normalized,
    headline: headlineOf(error.text),
    tokens: words(normalized),
  };
}

export function indexEntry(entry: TroubleshootingEntry): IndexedEntry {
  if (entry.errors.length === 0) throw new Error(`Entry "${entry.slug}" lists no error texts.`);
  return {
    slug: entry.slug,
    url: entryUrl(entry.slug),
    title: entry.title,
    summary: entry.symptoms[0] ?? "",
    symptoms: entry.symptoms,
    causes: entry.causes,
    frequency: entry.frequency,
    tags: entry.tags,
    functionTypes: entry.functionTypes,
    lessons: entry.lessons,
    ...(entry.playground !== undefined ? { playground: entry.playground } : {}),
    errors: entry.errors.map((error) => indexErrorText(error, entry.slug)),
  };
}

export function buildIndex(entries: TroubleshootingEntry[]): TroubleshootingIndex {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.slug)) throw new Error(`Two troubleshooting entries share the slug "${entry.slug}".`);
    seen.add(entry.slug);
  }
  const sorted = [...entries].sort((a, b) => a.title.localeCompare(b.title));
  return {
    version: 1,
    entries: sorted.map(indexEntry),
    search: buildSearch(sorted).toJSON(),
  };
}
