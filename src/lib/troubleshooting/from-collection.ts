/** Adapts an Astro content-collection entry (collection "troubleshooting") to TroubleshootingEntry. */
import type { TroubleshootingEntry } from "./types";
import type { TroubleshootingData } from "../site/content-schemas";

export function entryFromCollection(item: { id: string; data: TroubleshootingData; body?: string }): TroubleshootingEntry {
  const data = item.data;
  return {
    slug: item.id,
    title: data.title,
    symptoms: data.symptoms,
    errors: data.errors.map((e) => ({ text: e.text, ...(e.pattern !== undefined ? { pattern: e.pattern } : {}) })),
    causes: data.causes,
    frequency: data.frequency,
    tags: data.tags,
    functionTypes: data.functionTypes,
    lessons: data.lessons,
    ...(data.playground !== undefined ? { playground: data.playground } : {}),
    body: item.body ?? "",
  };
}
