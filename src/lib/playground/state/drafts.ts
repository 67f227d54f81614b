/** The learner's edited files, kept per playground in localStorage across page loads. */
import type { FileMap } from "../types";

const key = (playgroundId: string) => `convex-playground:files:${playgroundId}`;

export function loadDraft(playgroundId: string): FileMap | null {
  try {
    const raw = localStorage.getItem(key(playgroundId));
    const parsed = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === "object" ? (parsed as FileMap) : null;
  } catch {
    return null;
  }
}

export function saveDraft(playgroundId: string, files: FileMap | null): void {
  try {
    if (files) localStorage.setItem(key(playgroundId), JSON.stringify(files));
    else localStorage.removeItem(key(playgroundId));
  } catch {
    /* storage full or disabled: drafts last for this page only */
  }
}
