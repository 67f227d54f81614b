/**
 * The repro playgrounds' code typechecks against the `convex` package, with generated
 * `_generated/` types: the fix is valid Convex code, and the broken starter fails only at run
 * time (where TypeScript would object, the starter says so with `@ts-expect-error`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlayground, playgroundIds } from "../../../src/lib/playground/content";
import { typecheckProjects, type ProjectFiles } from "../../content/lib/typecheckProject";

const repros = playgroundIds().filter((id) => id.startsWith("ts-"));

describe("repro playgrounds typecheck", () => {
  let results: Record<string, string[]>;

  beforeAll(async () => {
    const projects: Record<string, ProjectFiles> = {};
    for (const id of repros) {
      const playground = loadPlayground(id);
      projects[`${id}-starter`] = playground.starter;
      projects[`${id}-solution`] = playground.solution ?? playground.starter;
    }
    results = await typecheckProjects(projects);
  }, 120_000);

  it("covers at least eight repros", () => {
    expect(repros.length).toBeGreaterThanOrEqual(8);
  });

  it.each(repros.flatMap((id) => [[`${id}-starter`], [`${id}-solution`]]))("%s", (name) => {
    expect(results[name]).toEqual([]);
  });
});
