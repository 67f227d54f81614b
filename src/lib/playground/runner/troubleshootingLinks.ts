/**
 * Links a run or push error to the knowledge base: fetches the static troubleshooting
 * index once (on the first error) and asks the knowledge base's own matcher.
 */
import { matchError } from "../../troubleshooting/match";
import type { ErrorMatch, TroubleshootingIndex } from "../../troubleshooting/types";

let index: Promise<TroubleshootingIndex | null> | null = null;

function loadIndex(): Promise<TroubleshootingIndex | null> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  index ??= fetch(`${base}troubleshooting/index.json`)
    .then((response) => (response.ok ? (response.json() as Promise<TroubleshootingIndex>) : null))
    .catch(() => null);
  return index;
}

/** The best matching entries (most relevant first); empty when none match or the index is unavailable. */
export async function troubleshootingFor(errorText: string, limit = 2): Promise<ErrorMatch[]> {
  const loaded = await loadIndex();
  if (!loaded) return [];
  return matchError(errorText, loaded, { limit });
}
