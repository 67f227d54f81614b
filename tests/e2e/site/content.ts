/** Reads lessons and troubleshooting entries straight from content/, as the tests' source of truth. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

const contentDir = path.resolve(import.meta.dirname, "../../../content");

function frontmatter(file: string): Record<string, any> {
  const source = readFileSync(file, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error(`${file} has no frontmatter`);
  return yaml.load(match[1]) as Record<string, any>;
}

function read(folder: string) {
  const dir = path.join(contentDir, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx") && !name.startsWith("_"))
    .sort()
    .map((name) => ({ slug: name.replace(/\.mdx$/, ""), data: frontmatter(path.join(dir, name)) }));
}

export interface LessonFile {
  slug: string;
  title: string;
  order: number;
}

export interface EntryFile {
  slug: string;
  title: string;
  errors: { text: string; pattern?: string }[];
}

export function lessons(): LessonFile[] {
  return read("lessons")
    .map(({ slug, data }) => ({ slug, title: String(data.title), order: Number(data.order) }))
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

export function entries(): EntryFile[] {
  return read("troubleshooting").map(({ slug, data }) => ({
    slug,
    title: String(data.title),
    errors: data.errors as EntryFile["errors"],
  }));
}

/** The first few words of an entry's first error text: what a reader would paste into search. */
export function errorPhrase(entry: EntryFile, words = 6): string {
  const firstLine = entry.errors[0].text.split("\n")[0];
  return firstLine
    .split(/\s+/)
    .filter((word) => /[A-Za-z]{2,}/.test(word))
    .slice(0, words)
    .join(" ");
}
