/**
 * /troubleshooting/index.json: every entry prepared for matching and filtering, plus the
 * full-text search index. Built once at build time, so search and paste-your-error work on
 * a static host. Read it with loadTroubleshootingIndex() from src/lib/troubleshooting.
 */
import type { APIRoute } from "astro";
import { getTroubleshootingEntries } from "../../lib/site/collections";
import { buildIndex } from "../../lib/troubleshooting/build-index";
import { entryFromCollection } from "../../lib/troubleshooting/from-collection";

export const GET: APIRoute = async () => {
  const entries = await getTroubleshootingEntries();
  const index = buildIndex(entries.map(entryFromCollection));
  return new Response(JSON.stringify(index), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
