/** Arrow-key movement between the tabs of a tablist (WAI-ARIA tabs pattern, manual activation). */
import type { KeyboardEvent } from "react";

export function moveTabFocus(event: KeyboardEvent<HTMLElement>): void {
  const keys: Record<string, (i: number, n: number) => number> = {
    ArrowRight: (i, n) => (i + 1) % n,
    ArrowLeft: (i, n) => (i - 1 + n) % n,
    Home: () => 0,
    End: (_i, n) => n - 1,
  };
  const next = keys[event.key];
  if (!next) return;
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const index = tabs.indexOf(document.activeElement as HTMLElement);
  if (index === -1 || tabs.length === 0) return;
  event.preventDefault();
  tabs[next(index, tabs.length)].focus();
}
