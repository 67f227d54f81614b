/**
 * Where lessons and entries are served, and lesson order. No Astro imports, so the sidebar and
 * the Markdown copies can be unit-tested.
 */
export const lessonIndexHref = "/lessons/";
export const troubleshootingIndexHref = "/troubleshooting/";
export const playgroundHref = "/playground/";

export function lessonHref(lesson: { id: string }): string {
  return `/lessons/${lesson.id}/`;
}

export function troubleshootingHref(entry: { id: string }): string {
  return `/troubleshooting/${entry.id}/`;
}

export function lessonMarkdownHref(lesson: { id: string }): string {
  return `/lessons/${lesson.id}.md`;
}

export function troubleshootingMarkdownHref(entry: { id: string }): string {
  return `/troubleshooting/${entry.id}.md`;
}

/** The items before and after `id` in an ordered list. */
export function lessonNeighbours<T extends { id: string }>(lessons: T[], id: string): { prev?: T; next?: T } {
  const index = lessons.findIndex((lesson) => lesson.id === id);
  if (index === -1) return {};
  return { prev: lessons[index - 1], next: lessons[index + 1] };
}
