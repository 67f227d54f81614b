/** "Paste your error": ranks the entries that explain a pasted message. */
import { useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { matchError } from "../../lib/troubleshooting/match";
import type { MatchKind } from "../../lib/troubleshooting/types";
import type { IndexState } from "./useTroubleshootingIndex";

const KIND_LABEL: Record<MatchKind, string> = {
  pattern: "Exact match",
  exact: "Exact match",
  similar: "Similar",
};

export default function PasteYourError({ index }: { index: IndexState }) {
  const [text, setText] = useState("");
  // Other pages (the playground's run panel) can link here with ?error=<message>.
  useEffect(() => {
    const error = new URLSearchParams(window.location.search).get("error");
    if (error) setText(error);
  }, []);
  const deferred = useDeferredValue(text);
  const id = useId();
  const matches = useMemo(
    () => (index.status === "ready" && deferred.trim() !== "" ? matchError(deferred, index.index, { limit: 5 }) : []),
    [deferred, index],
  );

  return (
    <section className="ts-paste" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="ts-label">
        Paste your error
      </label>
      <textarea
        id={`${id}-input`}
        data-testid="paste-error"
        rows={4}
        spellCheck={false}
        placeholder="[CONVEX Q(messages:list)] [Request ID: …] Server Error&#10;Uncaught Error: …"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div aria-live="polite" data-testid="paste-results">
        {index.status === "loading" && text.trim() !== "" && <p className="ts-hint">Loading the index…</p>}
        {index.status === "failed" && <p className="ts-hint">The index could not be loaded: {index.message}</p>}
        {index.status === "ready" && deferred.trim() !== "" && matches.length === 0 && (
          <p className="ts-hint">No entry matches this message. Try the search box with a few of its words.</p>
        )}
        {matches.length > 0 && (
          <ol className="ts-match-list">
            {matches.map((match, position) => (
              <li key={match.slug} data-testid="paste-match" data-slug={match.slug} className={position === 0 ? "ts-best" : undefined}>
                <a href={match.url}>{match.title}</a>
                <span className={`ts-badge ts-badge-${match.kind}`}>
                  {KIND_LABEL[match.kind]}
                  {match.kind === "similar" ? ` (${Math.round(match.score * 100)}%)` : ""}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
