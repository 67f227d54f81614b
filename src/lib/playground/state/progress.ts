/**
 * Progress: which lessons' checks passed in this browser. Written by the playground's
 * "check my work", read by the progress marks in the lesson index and sidebar.
 */
export const PROGRESS_KEY = "convex-playground:progress";
export const PROGRESS_EVENT = "convex-playground:progress";

export interface ProgressRecord {
  /** Lesson slug → when its exercise's checks all passed. */
  lessons: Record<string, { playground: string; passedAt: string }>;
}

export function readProgress(): ProgressRecord {
  try {
    const parsed = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? "null");
    if (parsed && typeof parsed.lessons === "object") return parsed as ProgressRecord;
  } catch {
    /* corrupt or unavailable: start empty */
  }
  return { lessons: {} };
}

/** The lesson slug of a page path like `/lessons/indexes/`, or null. */
export function lessonSlugFromPath(pathname: string): string | null {
  const match = /\/lessons\/([a-z0-9-]+)\/?$/.exec(pathname);
  return match ? match[1] : null;
}

export function markLessonPassed(lessonSlug: string, playgroundId: string): void {
  const progress = readProgress();
  progress.lessons[lessonSlug] = { playground: playgroundId, passedAt: new Date().toISOString() };
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    return;
  }
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}
