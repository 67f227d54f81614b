/**
 * Reads the entries straight from content/troubleshooting/*.mdx (frontmatter with js-yaml,
 * validated with the site's zod schema). Used by tests and scripts, which run outside Astro;
 * the site itself reads the same files through its content collection (see from-collection.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { troubleshootingSchema } from "../site/content-schemas";
import { entryFromData } from "./from-collection";
import type { TroubleshootingEntry } from "./types";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseEntry(slug: string, source: string, fileName = `${slug}.mdx`): TroubleshootingEntry {
  const match = FRONTMATTER.exec(source);
  if (match === null) throw new Error(`${fileName}: missing frontmatter (--- ... ---) at the top of the file.`);
  let raw: unknown;
  try {
    raw = yaml.load(match[1]);
  } catch (cause) {
    throw new Error(`${fileName}: frontmatter is not valid YAML: ${(cause as Error).message}`);
  }
  const parsed = troubleshootingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`${fileName}: invalid frontmatter\n  ${problems.join("\n  ")}`);
  }
  return entryFromData(slug, parsed.data, match[2]);
}

export const ENTRIES_DIR = join(process.cwd(), "content", "troubleshooting");

export function loadEntries(dir: string = ENTRIES_DIR): TroubleshootingEntry[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx") && !name.startsWith("_"))
    .sort()
    .map((name) => parseEntry(name.slice(0, -".mdx".length), readFileSync(join(dir, name), "utf8"), name));
}
