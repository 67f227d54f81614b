/**
 * The site navigation as Starlight sidebar entries: Home, Learn (every lesson in order),
 * Troubleshooting (the knowledge base index and every entry), Playground.
 */
import type { StarlightRouteData } from "@astrojs/starlight/route-data";
import {
  lessonHref,
  lessonIndexHref,
  lessonNeighbours,
  playgroundHref,
  troubleshootingHref,
  troubleshootingIndexHref,
} from "./urls";

/** Just what the sidebar reads of a lesson or entry. */
interface Titled {
  id: string;
  data: { title: string };
}

type SidebarEntry = StarlightRouteData["sidebar"][number];
type SidebarLink = Extract<SidebarEntry, { type: "link" }>;
type Pagination = StarlightRouteData["pagination"];

/** "/lessons/x", "/lessons/x/" and "/lessons/x/index.html" are the same page. */
export function samePath(a: string, b: string): boolean {
  const normalise = (path: string) => path.replace(/index\.html$/, "").replace(/\/+$/, "") || "/";
  return normalise(a) === normalise(b);
}

function link(label: string, href: string, pathname: string): SidebarLink {
  return { type: "link", label, href, isCurrent: samePath(href, pathname), badge: undefined, attrs: {} };
}

function containsCurrent(entries: SidebarEntry[]): boolean {
  return entries.some((entry) => (entry.type === "link" ? entry.isCurrent : containsCurrent(entry.entries)));
}

export function buildSidebar({
  lessons,
  entries,
  pathname,
}: {
  lessons: Titled[];
  entries: Titled[];
  pathname: string;
}): SidebarEntry[] {
  const learn = [
    link("All lessons", lessonIndexHref, pathname),
    ...lessons.map((lesson) => link(lesson.data.title, lessonHref(lesson), pathname)),
  ];
  const troubleshooting = [
    link("Knowledge base", troubleshootingIndexHref, pathname),
    ...entries.map((entry) => link(entry.data.title, troubleshootingHref(entry), pathname)),
  ];
  return [
    link("Home", "/", pathname),
    { type: "group", label: "Learn", entries: learn, collapsed: false, badge: undefined },
    {
      type: "group",
      label: "Troubleshooting",
      entries: troubleshooting,
      // The knowledge base is long; keep it folded unless the reader is in it.
      collapsed: !containsCurrent(troubleshooting),
      badge: undefined,
    },
    link("Playground", playgroundHref, pathname),
  ];
}

/** Previous/next for lesson pages (learning order); none elsewhere. */
export function paginationFor(lessons: Titled[], pathname: string): Pagination {
  const current = lessons.find((lesson) => samePath(lessonHref(lesson), pathname));
  if (!current) return { prev: undefined, next: undefined };
  const { prev, next } = lessonNeighbours(lessons, current.id);
  return {
    prev: prev ? link(prev.data.title, lessonHref(prev), pathname) : undefined,
    next: next ? link(next.data.title, lessonHref(next), pathname) : undefined,
  };
}
