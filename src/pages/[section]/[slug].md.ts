/**
 * Every lesson and troubleshooting entry as Markdown: /lessons/<slug>.md and
 * /troubleshooting/<slug>.md, built from the same collection entries as the HTML pages.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import {
  getLessons,
  getTroubleshootingEntries,
  lessonHref,
  lessonMarkdownHref,
  troubleshootingHref,
  troubleshootingMarkdownHref,
} from "../../lib/site/collections";
import { lessonToMarkdown, troubleshootingToMarkdown } from "../../lib/site/markdown";

export const getStaticPaths = (async () => {
  const [lessons, entries] = await Promise.all([getLessons(), getTroubleshootingEntries()]);
  return [
    ...lessons.map((lesson) => ({
      params: { section: "lessons", slug: lesson.id },
      props: { kind: "lesson" as const, lesson },
    })),
    ...entries.map((entry) => ({
      params: { section: "troubleshooting", slug: entry.id },
      props: { kind: "entry" as const, entry },
    })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const absolute = (path: string) => new URL(path, site).href;
  const urls = {
    lesson: (slug: string) => absolute(lessonMarkdownHref({ id: slug })),
    entry: (slug: string) => absolute(troubleshootingMarkdownHref({ id: slug })),
  };
  const markdown =
    props.kind === "lesson"
      ? lessonToMarkdown(props.lesson, { ...urls, page: absolute(lessonHref(props.lesson)) })
      : troubleshootingToMarkdown(props.entry, { ...urls, page: absolute(troubleshootingHref(props.entry)) });
  return new Response(markdown, { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
};
