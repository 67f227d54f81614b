/**
 * What the lessons tell the reader the playground will show, shown: the
 * numbers and error texts quoted in lesson prose, produced by running the
 * lesson's own playground files on a sandbox deployment.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPlayground } from "../../src/lib/playground/content";
import { createPlatformDeployment, type PlatformDeployment } from "../../src/sandbox/platform/attach";
import type { CallOutcome } from "../../src/sandbox/runtime/types";
import { functionsFolder } from "./lib/functionsFolder";

const open: PlatformDeployment[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((deployment) => deployment.dispose()));
});

async function deploy(id: string, which: "starter" | "solution", extra: Record<string, string> = {}): Promise<PlatformDeployment> {
  const playground = loadPlayground(id);
  const files = which === "starter" ? playground.starter : (playground.solution ?? playground.starter);
  const deployment = await createPlatformDeployment({ files: { ...functionsFolder(files), ...extra } });
  open.push(deployment);
  return deployment;
}

function lessonText(slug: string): string {
  return readFileSync(resolve(import.meta.dirname, `../../content/lessons/${slug}.mdx`), "utf8");
}

/** The text of a ```text block in a lesson (the first one). */
function quotedBlock(slug: string): string {
  const match = /```text\n([\s\S]*?)\n```/.exec(lessonText(slug));
  if (!match) throw new Error(`${slug}.mdx has no \`\`\`text block.`);
  return match[1];
}

function errorOf(outcome: CallOutcome): string {
  expect(outcome.status).toBe("error");
  return outcome.errorMessage ?? "";
}

describe("lesson claims", () => {
  it("indexes: the filter reads the whole table, the index only the answer", async () => {
    const deployment = await deploy("indexes", "starter");
    await deployment.runMutation({ path: "scores:seed", args: {} });
    const first = await deployment.runQuery({ path: "scores:compare", args: { game: "game-3" } });
    expect(first.value).toEqual({ filter: { results: 100, documentsRead: 1000 }, withIndex: { results: 100, documentsRead: 100 } });
    await deployment.runMutation({ path: "scores:seed", args: {} });
    const second = await deployment.runQuery({ path: "scores:compare", args: { game: "game-3" } });
    expect(second.value).toEqual({ filter: { results: 200, documentsRead: 2000 }, withIndex: { results: 200, documentsRead: 200 } });
  });

  it("indexes: the quoted errors for an unknown index and fields out of order", async () => {
    const probe = `import { query } from "./_generated/server";
export const unknown = query({ args: {}, handler: async (ctx) => ctx.db.query("scores").withIndex("by_player" as any).collect() });
export const skipped = query({ args: {}, handler: async (ctx) =>
  ctx.db.query("scores").withIndex("by_game_and_score", (q: any) => q.gte("score", 10)).collect() });`;
    const deployment = await deploy("indexes", "solution", { "probe.ts": probe });
    expect(errorOf(await deployment.runQuery({ path: "probe:unknown", args: {} }))).toContain("Index scores.by_player not found.");
    expect(errorOf(await deployment.runQuery({ path: "probe:skipped", args: {} }))).toContain(
      "Tried to query index scores.by_game_and_score but the query didn't use the index fields in order.",
    );
  });

  it("schemas-and-validators: a rejected write reads as quoted", async () => {
    const deployment = await deploy("schemas-and-validators", "solution", {
      "probe.ts": `import { mutation } from "./_generated/server";
export const urgent = mutation({ args: {}, handler: async (ctx) => ctx.db.insert("tasks", { text: "x", priority: "urgent" } as any) });`,
    });
    expect(errorOf(await deployment.runMutation({ path: "probe:urgent", args: {} }))).toContain(quotedBlock("schemas-and-validators"));
  });

  it("function-validation: a wrong argument reads as quoted", async () => {
    const deployment = await deploy("function-validation", "solution");
    const message = errorOf(await deployment.runMutation({ path: "notes:create", args: { title: 42, body: "x" } }));
    expect(message).toContain(quotedBlock("function-validation"));
  });

  it("internal-functions: an internal function is invisible to clients", async () => {
    const deployment = await deploy("internal-functions", "solution");
    const id = (await deployment.runMutation({ path: "users:register", args: { name: "ada" } })).value as string;
    const message = errorOf(await deployment.runMutation({ path: "users:setRole", args: { id, role: "admin" } }));
    expect(message).toContain("Could not find public function for 'users:setRole'");
  });

  it("deterministic-runtime: the clock is frozen and fetch is refused in mutations", async () => {
    const deployment = await deploy("deterministic-runtime", "starter");
    const clock = (await deployment.runQuery({ path: "runtime:frozenClock", args: {} })).value as { first: number; second: number };
    expect(clock.second).toBe(clock.first);
    expect(errorOf(await deployment.runMutation({ path: "runtime:fetchFromMutation", args: {} }))).toContain(
      "Can't use fetch() in queries and mutations. Please consider using an action.",
    );
  });

  it("reading-data: returning an unfinished query fails as quoted", async () => {
    const deployment = await deploy("reading-data", "starter", {
      "probe.ts": `import { query } from "./_generated/server";
export const unfinished = query({ args: {}, handler: async (ctx) => ctx.db.query("books") as any });`,
    });
    expect(errorOf(await deployment.runQuery({ path: "probe:unfinished", args: {} }))).toContain(
      "Return value is a Query. Results must be retrieved with `.collect()`",
    );
  });

  it("scheduling: jobs are named file.js:function in _scheduled_functions", async () => {
    const deployment = await deploy("ids-and-system-tables", "starter");
    const authorId = (await deployment.runMutation({ path: "links:addAuthor", args: { name: "ada" } })).value as string;
    await deployment.runMutation({ path: "links:remindLater", args: { authorId } });
    const jobs = (await deployment.runQuery({ path: "links:scheduledJobs", args: {} })).value as Array<{ name: string; state: string }>;
    expect(jobs[0]).toMatchObject({ name: "links.js:remind", state: "pending" });
  });
});
