/**
 * The troubleshooting page's island: paste-your-error matching, full-text search and
 * tag / function-type filters. The entry list renders from props on the server; search and
 * matching use /troubleshooting/index.json, fetched when the island starts.
 */
import { useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { facetCounts, filterEntries } from "../../lib/troubleshooting/filters";
import { searchEntries } from "../../lib/troubleshooting/search";
import type { FunctionType } from "../../lib/troubleshooting/types";
import EntryList from "./EntryList";
import FacetFilters from "./FacetFilters";
import type { EntrySummary } from "./finder-types";
import PasteYourError from "./PasteYourError";
import { useTroubleshootingIndex } from "./useTroubleshootingIndex";

function toggle<T>(values: T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

export default function TroubleshootingFinder({ entries }: { entries: EntrySummary[] }) {
  const index = useTroubleshootingIndex();
  const [query, setQuery] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [types, setTypes] = useState<FunctionType[]>([]);
  const deferredQuery = useDeferredValue(query);
  const searchId = useId();

  // Entry pages link to /troubleshooting/?tag=<tag>.
  useEffect(() => {
    const tag = new URLSearchParams(window.location.search).get("tag");
    if (tag && entries.some((entry) => entry.tags.includes(tag))) setTags([tag]);
  }, [entries]);

  const bySlug = useMemo(() => new Map(entries.map((entry) => [entry.slug, entry])), [entries]);
  const searched = useMemo(() => {
    if (deferredQuery.trim() === "" || index.status !== "ready") return entries;
    return searchEntries(deferredQuery, index.index, entries.length).flatMap((hit) => bySlug.get(hit.entry.slug) ?? []);
  }, [deferredQuery, index, entries, bySlug]);
  const visible = filterEntries(searched, { tags, functionTypes: types });

  return (
    <div className="ts-finder not-content" data-testid="troubleshooting-finder" data-index-status={index.status}>
      <PasteYourError index={index} />
      <section className="ts-search">
        <label htmlFor={searchId} className="ts-label">
          Search the entries
        </label>
        <input
          id={searchId}
          type="search"
          data-testid="entry-search"
          placeholder="for example: cors preflight, unique, index"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <FacetFilters
          tagOptions={facetCounts(entries, "tags")}
          typeOptions={facetCounts(entries, "functionTypes")}
          tags={tags}
          types={types}
          onToggleTag={(tag) => setTags((current) => toggle(current, tag))}
          onToggleType={(type) => setTypes((current) => toggle(current, type))}
        />
        <p className="ts-hint" data-testid="entry-count" aria-live="polite">
          {visible.length} of {entries.length} entries
        </p>
        <EntryList entries={visible} />
      </section>
    </div>
  );
}
