/**
 * Every troubleshooting repro playground, pushed to a real sandbox server and checked through a
 * real ConvexHttpClient: the starter (the broken code) fails its checks with the entry's own
 * error, and the solution (the fix) passes them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecks, type Check, type CheckClient } from "../../../src/lib/checks";
import { matchError } from "../../../src/lib/troubleshooting/match";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index";
import { entries, index } from "./fixtures";

const PLAYGROUNDS = join(process.cwd(), "content", "playgrounds");

/** Repros whose bug is silent (no error text): the checks fail on wrong data instead. */
const SILENT_BUGS = new Set(["ts-public-no-validation", "ts-import-time-random"]);

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full).split("\\").join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return files;
}

/** The files under convex/ of starter/ or solution/ (solution falls back to starter per file). */
function functionFiles(id: string, variant: "starter" | "solution"): Record<string, string> {
  const starter = readTree(join(PLAYGROUNDS, id, "starter"));
  const files = variant === "starter" ? starter : { ...starter, ...readTree(join(PLAYGROUNDS, id, "solution")) };
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith("convex/") && !path.startsWith("convex/_generated/"))
      .map(([path, text]) => [path.slice("convex/".length), text]),
  );
}

let server: SandboxServer;

beforeAll(async () => {
  // One sandbox per starter and per solution: more than the default creation rate allows.
  server = await startSandboxServer({
    host: "127.0.0.1",
    port: 0,
    sitePort: 0,
    log: () => {},
    limits: { sandboxCreationsPerMinute: 10_000 },
  });
});

afterAll(async () => {
  await server?.close();
});

async function deploy(files: Record<string, string>): Promise<CheckClient> {
  const created = await fetch(`${server.cloudUrl}/api/sandboxes`, { method: "POST" });
  expect(created.ok, await created.clone().text()).toBe(true);
  const { url, adminKey } = (await created.json()) as { url: string; adminKey: string };
  const pushed = await fetch(`${url}/api/sandbox/push`, {
    method: "POST",
    headers: { Authorization: `Convex ${adminKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ files }),
  });
  expect(pushed.ok, `push failed: ${await pushed.clone().text()}`).toBe(true);
  const client = new ConvexHttpClient(url);
  return {
    query: (path, args = {}) => client.query(path as never, args as never),
    mutation: (path, args = {}) => client.mutation(path as never, args as never),
    action: (path, args = {}) => client.action(path as never, args as never),
  };
}

async function loadChecks(id: string): Promise<Check[]> {
  const module = await import(pathToFileURL(join(PLAYGROUNDS, id, "checks.ts")).href);
  return module.default as Check[];
}

const repros = entries.filter((entry) => entry.playground !== undefined);

describe.each(repros.map((entry) => [entry.playground!, entry.slug] as const))("repro %s (%s)", (id, slug) => {
  it("the broken starter fails its checks, with the entry's error", async () => {
    const results = await runChecks(await loadChecks(id), await deploy(functionFiles(id, "starter")));
    const failures = results.filter((result) => !result.passed);
    expect(failures.length, JSON.stringify(results)).toBeGreaterThan(0);
    if (!SILENT_BUGS.has(id)) {
      const message = failures.map((failure) => failure.message).join("\n");
      expect(matchError(message, index)[0]?.slug, message).toBe(slug);
    }
  });

  it("the solution passes every check", async () => {
    const results = await runChecks(await loadChecks(id), await deploy(functionFiles(id, "solution")));
    expect(results.filter((result) => !result.passed), JSON.stringify(results)).toEqual([]);
  });
});
