/** Tag and function-type filters for the troubleshooting index page. */
import type { FunctionType } from "./types";

export interface EntryFilter {
  /** Entries carrying any of these tags (empty: no tag filter). */
  tags?: string[];
  /** Entries concerning any of these function types (empty: no filter). */
  functionTypes?: FunctionType[];
}

interface Faceted {
  tags: string[];
  functionTypes: FunctionType[];
}

export function filterEntries<T extends Faceted>(entries: T[], filter: EntryFilter): T[] {
  const tags = filter.tags ?? [];
  const types = filter.functionTypes ?? [];
  return entries.filter(
    (entry) =>
      (tags.length === 0 || entry.tags.some((tag) => tags.includes(tag))) &&
      (types.length === 0 || entry.functionTypes.some((type) => types.includes(type))),
  );
}

/** Every tag (or function type) in use, with how many entries carry it, most used first. */
export function facetCounts(entries: Faceted[], key: keyof Faceted): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const value of entry[key]) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
