/**
 * Shapes shared by the troubleshooting knowledge base: the entries as written in
 * `content/troubleshooting/*.mdx` and the static index the site serves at
 * `/troubleshooting/index.json` (built once, at build time).
 */

export type Frequency = "common" | "occasional" | "rare";
export type FunctionType = "query" | "mutation" | "action" | "httpAction" | "client";

/** One error text from an entry's frontmatter. */
export interface EntryErrorText {
  /** The message exactly as Convex (or the browser) prints it, with example IDs and names. */
  text: string;
  /** Optional regular expression that recognises the message whatever names and IDs it carries. */
  pattern?: string;
}

/** An entry as read from its file: frontmatter plus the Markdown body. */
export interface TroubleshootingEntry {
  slug: string;
  title: string;
  symptoms: string[];
  errors: EntryErrorText[];
  causes: string[];
  frequency: Frequency;
  tags: string[];
  functionTypes: FunctionType[];
  lessons: string[];
  playground?: string;
  /** Markdown body (what you see, why, the fix). */
  body: string;
}

/** An error text prepared for matching. */
export interface IndexedErrorText {
  text: string;
  pattern?: string;
  /** `text` after normalizeError(). */
  normalized: string;
  /** The first line of `text`, normalized: an exact match finds it inside the pasted error. */
  headline: string;
  /** Distinctive words of `normalized` (see tokens.ts). */
  tokens: string[];
}

/** What the index keeps about an entry: enough to rank, filter and link without the body. */
export interface IndexedEntry {
  slug: string;
  url: string;
  title: string;
  summary: string;
  symptoms: string[];
  causes: string[];
  frequency: Frequency;
  tags: string[];
  functionTypes: FunctionType[];
  lessons: string[];
  playground?: string;
  errors: IndexedErrorText[];
}

export interface TroubleshootingIndex {
  version: 1;
  entries: IndexedEntry[];
  /** MiniSearch.toJSON() of the full-text index over every entry (see search.ts). */
  search: unknown;
}

/** How an entry matched a pasted error. */
export type MatchKind = "pattern" | "exact" | "similar";

export interface ErrorMatch {
  slug: string;
  url: string;
  title: string;
  kind: MatchKind;
  /** 0..1 similarity of the best error text of the entry; pattern and exact matches rank above any similar one. */
  score: number;
  /** The entry's error text that matched best. */
  matchedText: string;
}
