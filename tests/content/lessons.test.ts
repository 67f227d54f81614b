/**
 * The lesson track as a whole: one lesson per concept in the agreed order and
 * slugs, valid frontmatter, the parts every lesson must have (goals,
 * explanation, a live playground, an exercise with checks, a recap), and no
 * link to a lesson, entry or playground that does not exist.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compile } from "@mdx-js/mdx";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { lessonSchema } from "../../src/lib/site/content-schemas";

const CONTENT = resolve(import.meta.dirname, "../../content");

/** The learning track, in order; the troubleshooting entries link to these slugs. */
const TRACK = [
  "reactive-model",
  "schemas-and-validators",
  "reading-data",
  "indexes",
  "filters",
  "pagination",
  "writing-data",
  "transactions",
  "function-validation",
  "internal-functions",
  "actions",
  "scheduling",
  "cron-jobs",
  "file-storage",
  "http-actions",
  "authentication",
  "react-client",
  "text-search",
  "error-handling",
  "deterministic-runtime",
  "limits-and-performance",
  "ids-and-system-tables",
];

interface LessonFile {
  slug: string;
  data: ReturnType<typeof lessonSchema.parse>;
  body: string;
}

function readLesson(slug: string): LessonFile {
  const text = readFileSync(join(CONTENT, "lessons", `${slug}.mdx`), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${slug}.mdx has no frontmatter block.`);
  return { slug, data: lessonSchema.parse(yaml.load(match[1])), body: match[2] };
}

const lessonSlugs = readdirSync(join(CONTENT, "lessons"))
  .filter((file) => file.endsWith(".mdx"))
  .map((file) => file.slice(0, -4));
const lessons = lessonSlugs.map(readLesson);
const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));

describe("the lesson track", () => {
  it("has exactly the agreed lessons, ordered as the track", () => {
    expect([...lessonSlugs].sort()).toEqual([...TRACK].sort());
    const ordered = [...lessons].sort((a, b) => a.data.order - b.data.order).map((lesson) => lesson.slug);
    expect(ordered).toEqual(TRACK);
  });

  it("gives every lesson a distinct order", () => {
    const orders = lessons.map((lesson) => lesson.data.order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});

for (const slug of TRACK) {
  describe(`lesson ${slug}`, () => {
    const lesson = bySlug.get(slug);
    if (!lesson) return;
    const { data, body } = lesson;

    it("compiles as MDX", async () => {
      await expect(compile(body)).resolves.toBeDefined();
    });

    it("has goals, an exercise and a recap", () => {
      for (const heading of ["## Goals", "## Exercise", "## Recap"]) expect(body).toContain(`\n${heading}\n`);
    });

    it("embeds a live playground whose exercise has a solution and checks", () => {
      expect(body).toContain('import Playground from "../../src/components/playground/Playground.astro";');
      const ids = [...body.matchAll(/<Playground id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const folder = join(CONTENT, "playgrounds", id);
        expect(existsSync(join(folder, "playground.json")), `${id}/playground.json`).toBe(true);
        expect(existsSync(join(folder, "starter")), `${id}/starter`).toBe(true);
      }
      expect(
        ids.some((id) => existsSync(join(CONTENT, "playgrounds", id, "solution")) && existsSync(join(CONTENT, "playgrounds", id, "checks.ts"))),
      ).toBe(true);
    });

    it("has prerequisites that come earlier in the track", () => {
      for (const prerequisite of data.prerequisites) {
        expect(bySlug.has(prerequisite), prerequisite).toBe(true);
        expect(bySlug.get(prerequisite)!.data.order).toBeLessThan(data.order);
      }
    });

    it("lists only troubleshooting entries that exist", () => {
      for (const entry of data.troubleshooting) {
        expect(existsSync(join(CONTENT, "troubleshooting", `${entry}.mdx`)), entry).toBe(true);
      }
    });

    it("links only to lessons and entries that exist", () => {
      for (const [, section, target] of body.matchAll(/\]\(\/(lessons|troubleshooting)\/([^/)#]+)\/?[)#]/g)) {
        const file = join(CONTENT, section, `${target}.mdx`);
        expect(existsSync(file), `/${section}/${target}/`).toBe(true);
      }
    });
  });
}
