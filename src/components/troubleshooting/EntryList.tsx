/** The list of entries under the search box. */
import { FREQUENCY_LABEL, FUNCTION_TYPE_LABEL } from "../../lib/troubleshooting/labels";
import type { EntrySummary } from "./finder-types";

export default function EntryList({ entries }: { entries: EntrySummary[] }) {
  if (entries.length === 0) {
    return <p className="ts-hint" data-testid="entry-list-empty">No entries match. Clear a filter or try other words.</p>;
  }
  return (
    <ul className="ts-entry-list" data-testid="entry-list">
      {entries.map((entry) => (
        <li key={entry.slug} className="ts-entry-card" data-testid="entry-card" data-slug={entry.slug}>
          <a href={entry.url} className="ts-entry-title">
            {entry.title}
          </a>
          <p>{entry.summary}</p>
          <p className="ts-entry-meta">
            <span className={`ts-frequency ts-frequency-${entry.frequency}`}>{FREQUENCY_LABEL[entry.frequency]}</span>
            {entry.functionTypes.length > 0 && <span>{entry.functionTypes.map((t) => FUNCTION_TYPE_LABEL[t]).join(", ")}</span>}
            {entry.hasPlayground && <span>Runnable repro</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
