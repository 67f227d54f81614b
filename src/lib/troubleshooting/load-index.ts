/**
 * Fetches the static troubleshooting index once per page (browser side). The playground and
 * the troubleshooting page share it:
 *
 *   const index = await loadTroubleshootingIndex();
 *   const [best] = matchError(errorMessage, index);
 */
import type { TroubleshootingIndex } from "./types";

export const TROUBLESHOOTING_INDEX_URL = "/troubleshooting/index.json";

const pending = new Map<string, Promise<TroubleshootingIndex>>();

export function loadTroubleshootingIndex(url: string = TROUBLESHOOTING_INDEX_URL): Promise<TroubleshootingIndex> {
  let promise = pending.get(url);
  if (promise === undefined) {
    promise = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load the troubleshooting index from ${url}: HTTP ${response.status}.`);
      const index = (await response.json()) as TroubleshootingIndex;
      if (index?.version !== 1 || !Array.isArray(index.entries)) {
        throw new Error(`${url} is not a troubleshooting index (version 1).`);
      }
      return index;
    });
    promise.catch(() => pending.delete(url));
    pending.set(url, promise);
  }
  return promise;
}
