/** /llms.txt (https://llmstxt.org): every lesson and troubleshooting entry, linked as Markdown. */
import type { APIRoute } from "astro";
import {
  getLessons,
  getTroubleshootingEntries,
  lessonMarkdownHref,
  troubleshootingMarkdownHref,
} from "../lib/site/collections";

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => new URL(path, site).href;
  const [lessons, entries] = await Promise.all([getLessons(), getTroubleshootingEntries()]);
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  const text = [
    "# Convex Playground",
    "",
    "> Interactive lessons, a live playground and a troubleshooting knowledge base for Convex, the reactive backend. Every page below is plain Markdown.",
    "",
    "## Lessons",
    "",
    ...lessons.map(
      (lesson) => `- [${lesson.data.title}](${absolute(lessonMarkdownHref(lesson))}): ${oneLine(lesson.data.summary)}`,
    ),
    "",
    "## Troubleshooting",
    "",
    ...entries.map(
      (entry) =>
        `- [${entry.data.title}](${absolute(troubleshootingMarkdownHref(entry))}): ${oneLine(entry.data.errors[0].text)}`,
    ),
    "",
  ].join("\n");
  return new Response(text, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
