/**
 * Every lesson code block marked `check` is valid Convex code: it typechecks
 * against the `convex` package, in a project made of the named playground's
 * finished files (if any) with the sample in place at its title path, and
 * `_generated/` types from the `convex` package's codegen templates.
 * Every lesson playground's starter and finished files typecheck too, and so
 * does the fix of every troubleshooting repro (its starter may be broken on purpose).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlayground, playgroundIds } from "../../src/lib/playground/content";
import { checkedCodeBlocks } from "./lib/lessonCodeBlocks";
import { typecheckProjects, type ProjectFiles } from "./lib/typecheckProject";

const LESSONS_DIR = resolve(import.meta.dirname, "../../content/lessons");
const lessonFiles = readdirSync(LESSONS_DIR).filter((file) => file.endsWith(".mdx")).sort();
const blocks = lessonFiles.flatMap((file) => checkedCodeBlocks(file, readFileSync(join(LESSONS_DIR, file), "utf8")));
// Troubleshooting repros (ts-*) may be broken on purpose; lesson playgrounds never are.
const lessonPlaygrounds = playgroundIds().filter((id) => !id.startsWith("ts-"));
const reproFixes = playgroundIds().filter((id) => id.startsWith("ts-") && loadPlayground(id).solution !== null);

function finishedFiles(id: string): ProjectFiles {
  const playground = loadPlayground(id);
  return playground.solution ?? playground.starter;
}

const projects: Record<string, ProjectFiles> = {};
for (const block of blocks) {
  const base = block.playground === null ? {} : finishedFiles(block.playground);
  projects[`${block.lesson}:${block.line}`] = { ...base, [block.title]: block.code };
}
for (const id of lessonPlaygrounds) {
  projects[`${id} starter`] = loadPlayground(id).starter;
  projects[`${id} solution`] = finishedFiles(id);
}
for (const id of reproFixes) projects[`${id} solution`] = finishedFiles(id);

let diagnostics: Record<string, string[]> = {};
beforeAll(async () => {
  diagnostics = await typecheckProjects(projects);
}, 300_000);

describe("lesson code samples marked `check`", () => {
  it("every lesson has checked samples", () => {
    for (const file of lessonFiles) expect(blocks.some((block) => block.lesson === file), file).toBe(true);
  });

  for (const block of blocks) {
    it(`${block.lesson}:${block.line} ${block.title} typechecks`, () => {
      expect(diagnostics[`${block.lesson}:${block.line}`]).toEqual([]);
    });
  }
});

describe("lesson playground files", () => {
  for (const id of lessonPlaygrounds) {
    it(`${id}: starter files typecheck`, () => {
      expect(diagnostics[`${id} starter`]).toEqual([]);
    });
    it(`${id}: finished files typecheck`, () => {
      expect(diagnostics[`${id} solution`]).toEqual([]);
    });
  }
});

describe("troubleshooting repro fixes", () => {
  for (const id of reproFixes) {
    it(`${id}: the fixed files typecheck`, () => {
      expect(diagnostics[`${id} solution`]).toEqual([]);
    });
  }
});
