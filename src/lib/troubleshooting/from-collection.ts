/** Turns validated frontmatter (from the content collection or from load-entries.ts) into a TroubleshootingEntry. */
import type { TroubleshootingEntry } from "./types";
import type { TroubleshootingData } from "../site/content-schemas";

export function entryFromData(slug: string, data: TroubleshootingData, body: string): TroubleshootingEntry {
  return {
    slug,
    title: data.title,
    symptoms: data.symptoms,
    errors: data.errors.map((e) => ({ text: e.text, ...(e.pattern !== undefined ? { pattern: e.pattern } : {}) })),
    causes: data.causes,
    frequency: data.frequency,
    tags: data.tags,
    functionTypes: data.functionTypes,
    lessons: data.lessons,
    ...(data.playground !== undefined ? { playground: data.playground } : {}),
    body,
  };
}

/** An Astro content-collection entry (collection "troubleshooting"). */
export function entryFromCollection(item: { id: string; data: TroubleshootingData; body?: string }): TroubleshootingEntry {
  return entryFromData(item.id, item.data, item.body ?? "");
}
