/**
 * Full-text search over every entry (title, error texts, symptoms, causes, tags, body) with
 * MiniSearch. The index is built at build time and shipped inside index.json, so search
 * works on a purely static host.
 */
import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { IndexedEntry, TroubleshootingEntry, TroubleshootingIndex } from "./types";

interface SearchDocument {
  slug: string;
  title: string;
  errorTexts: string;
  symptoms: string;
  causes: string;
  tags: string;
  body: string;
}

const SEARCH_DEFAULTS: SearchOptions = {
  boost: { title: 4, errorTexts: 2, symptoms: 2, tags: 2 },
  prefix: true,
  fuzzy: 0.2,
  combineWith: "AND",
};

const OPTIONS: Options<SearchDocument> = {
  idField: "slug",
  fields: ["title", "errorTexts", "symptoms", "causes", "tags", "body"],
  storeFields: [],
  searchOptions: SEARCH_DEFAULTS,
};

/** Markdown to searchable words: keep code and prose, drop the markup. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, " ")
    .replace(/^import .*$/gm, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#*_>`|[\]()]/g, " ");
}

function toDocument(entry: TroubleshootingEntry): SearchDocument {
  return {
    slug: entry.slug,
    title: entry.title,
    errorTexts: entry.errors.map((e) => e.text).join("\n"),
    symptoms: entry.symptoms.join("\n"),
    causes: entry.causes.join("\n"),
    tags: entry.tags.join(" "),
    body: plainText(entry.body),
  };
}

export function buildSearch(entries: TroubleshootingEntry[]): MiniSearch<SearchDocument> {
  const search = new MiniSearch<SearchDocument>(OPTIONS);
  search.addAll(entries.map(toDocument));
  return search;
}

const loaded = new WeakMap<object, MiniSearch<SearchDocument>>();

function searchOf(index: TroubleshootingIndex): MiniSearch<SearchDocument> {
  let search = loaded.get(index);
  if (search === undefined) {
    search = MiniSearch.loadJS<SearchDocument>(index.search as never, OPTIONS);
    loaded.set(index, search);
  }
  return search;
}

export interface SearchHit {
  entry: IndexedEntry;
  score: number;
}

/**
 * Entries whose text contains every word of the query (prefix and small typos allowed),
 * best first. When no entry has all the words, entries with any of them.
 */
export function searchEntries(query: string, index: TroubleshootingIndex, limit = 20): SearchHit[] {
  const text = query.trim();
  if (text === "") return [];
  const search = searchOf(index);
  const bySlug = new Map(index.entries.map((entry) => [entry.slug, entry]));
  let results = search.search(text);
  if (results.length === 0) results = search.search(text, { combineWith: "OR" });
  return results
    .slice(0, limit)
    .flatMap((result) => {
      const entry = bySlug.get(String(result.id));
      return entry === undefined ? [] : [{ entry, score: result.score }];
    });
}
