/**
 * A bad frontmatter field fails the site's content sync (the first step of `astro build`)
 * with an error naming the file and the field. Each case runs `astro sync` on a throwaway
 * project whose content config is the site's own src/content.config.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const astroCli = path.join(repoRoot, "node_modules/astro/astro.js");
const roots: string[] = [];

const validLesson = `---
title: A valid lesson
summary: One sentence.
order: 10
concepts: [queries]
prerequisites: []
---
Body text.
`;

const validEntry = `---
title: A valid entry
symptoms: [Something breaks.]
errors:
  - text: "Something went wrong"
    pattern: "Something went \\\\w+"
causes: [A cause.]
frequency: rare
tags: [queries]
functionTypes: [query]
lessons: [a-valid-lesson]
---
Body text.
`;

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "site-content-"));
  roots.push(root);
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  const all: Record<string, string> = {
    "package.json": JSON.stringify({ type: "module" }),
    "astro.config.mjs": [
      'import { defineConfig } from "astro/config";',
      'import starlight from "@astrojs/starlight";',
      'import mdx from "@astrojs/mdx";',
      'export default defineConfig({ integrations: [starlight({ title: "Test" }), mdx()] });',
    ].join("\n"),
    "src/content.config.ts": `export { collections } from ${JSON.stringify(path.join(repoRoot, "src/content.config.ts"))};`,
    ...files,
  };
  for (const [name, contents] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), contents);
  }
  return root;
}

function sync(root: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [astroCli, "sync"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("content frontmatter validation", () => {
  it("accepts a valid lesson and a valid entry", () => {
    const root = makeProject({
      "content/lessons/a-valid-lesson.mdx": validLesson,
      "content/troubleshooting/a-valid-entry.mdx": validEntry,
    });
    const { status, output } = sync(root);
    expect(output).not.toMatch(/InvalidContentEntryData|does not match collection schema/);
    expect(status).toBe(0);
  }, 120_000);

  it("fails on a lesson whose order is not a number, naming the file and the field", () => {
    const root = makeProject({
      "content/lessons/bad-order.mdx": validLesson.replace("order: 10", "order: first"),
    });
    const { status, output } = sync(root);
    expect(status).not.toBe(0);
    expect(output).toContain(path.join(root, "content/lessons/bad-order.mdx"));
    expect(output).toMatch(/order\**: .*Expected type `"number"`, received `"string"`/);
  }, 120_000);

  it("fails on a lesson missing its summary", () => {
    const root = makeProject({
      "content/lessons/no-summary.mdx": validLesson.replace("summary: One sentence.\n", ""),
    });
    const { status, output } = sync(root);
    expect(status).not.toBe(0);
    expect(output).toContain(path.join(root, "content/lessons/no-summary.mdx"));
    expect(output).toMatch(/summary\**: .*Required/);
  }, 120_000);

  it("fails on an entry with an unknown frequency and an invalid pattern, naming both fields", () => {
    const root = makeProject({
      "content/troubleshooting/bad-entry.mdx": validEntry
        .replace("frequency: rare", "frequency: sometimes")
        .replace('pattern: "Something went \\\\w+"', 'pattern: "(("'),
    });
    const { status, output } = sync(root);
    expect(status).not.toBe(0);
    expect(output).toContain(path.join(root, "content/troubleshooting/bad-entry.mdx"));
    expect(output).toMatch(/frequency\**: .*Expected 'common' \| 'occasional' \| 'rare', received 'sometimes'/);
    expect(output).toContain("errors.0.pattern: must be a valid regular expression");
  }, 120_000);
});
