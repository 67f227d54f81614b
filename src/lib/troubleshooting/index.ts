/** Public surface of the troubleshooting knowledge base library. */
export { matchError, type MatchOptions } from "./match";
export { normalizeError, stripErrorWrapping } from "./normalize";
export { searchEntries, type SearchHit } from "./search";
export { filterEntries, facetCounts, type EntryFilter } from "./filters";
export { buildIndex, entryUrl } from "./build-index";
export type * from "./types";
export { loadTroubleshootingIndex, TROUBLESHOOTING_INDEX_URL } from "./load-index";
