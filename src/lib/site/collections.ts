/**
 * The site's view of its content collections: lessons in learning order, entries by title,
 * and the URLs each is served at. Every page, the sidebar, /llms.txt and the Markdown copies
 * read content through here so they always agree.
 */
import { getCollection, type CollectionEntry } from "astro:content";

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

export const lessonIndexHref = "/lessons/";
export const troubleshootingIndexHref = "/troubleshooting/";
export const playgroundHref = "/playground/";

export function lessonHref(lesson: Pick<Lesson, "id">): string {
  return `/lessons/${lesson.id}/`;
}

export function troubleshootingHref(entry: Pick<TroubleshootingEntry, "id">): string {
  return `/troubleshooting/${entry.id}/`;
}

export function lessonMarkdownHref(lesson: Pick<Lesson, "id">): string {
  return `/lessons/${lesson.id}.md`;
}

export function troubleshootingMarkdownHref(entry: Pick<TroubleshootingEntry, "id">): string {
  return `/troubleshooting/${entry.id}.md`;
}

/** The lessons before and after `id` in learning order. */
export function lessonNeighbours(lessons: Lesson[], id: string): { prev?: Lesson; next?: Lesson } {
  const index = lessons.findIndex((lesson) => lesson.id === id);
  if (index === -1) return {};
  return { prev: lessons[index - 1], next: lessons[index + 1] };
}
