/**
 * The site's view of its content collections: lessons in learning order, entries by title,
 * and (re-exported from ./urls) the URLs each is served at. Every page, the sidebar, /llms.txt
 * and the Markdown copies read content through here so they always agree.
 */
import { getCollection, type CollectionEntry } from "astro:content";

export * from "./urls";

export type Lesson = CollectionEntry<"lessons">;
export type TroubleshootingEntry = CollectionEntry<"troubleshooting">;

export async function getLessons(): Promise<Lesson[]> {
  const lessons = await getCollection("lessons");
  return lessons.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

export async function getTroubleshootingEntries(): Promise<TroubleshootingEntry[]> {
  const entries = await getCollection("troubleshooting");
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
}
