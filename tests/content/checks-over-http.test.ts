/**
 * "Check my work" as the browser runs it: each lesson's checks, through the
 * playground's own CheckClient (a genuine ConvexHttpClient), against a
 * sandbox created on a running sandbox server with the lesson's finished
 * files pushed through the admin API. Every check must pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecks, type Check } from "../../src/lib/checks";
import { checkClient } from "../../src/lib/playground/checks/runLessonChecks";
import { loadPlayground, playgroundIds } from "../../src/lib/playground/content";
import { startSandboxServer, type SandboxServer } from "../../src/sandbox/server/index";
import { functionsFolder } from "./lib/functionsFolder";

interface CreatedSandbox {
  id: string;
  url: string;
  siteUrl: string;
  adminKey: string;
}

let server: SandboxServer;

beforeAll(async () => {
  // Every lesson gets its own sandbox: more than the default creation rate allows.
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, log: () => {}, limits: { sandboxCreationsPerMinute: 10_000 } });
});

afterAll(async () => {
  await server?.close();
});

async function sandboxWith(files: Record<string, string>): Promise<CreatedSandbox> {
  const created = await fetch(`${server.cloudUrl}/api/sandboxes`, { method: "POST" });
  expect(created.ok).toBe(true);
  const sandbox = (await created.json()) as CreatedSandbox;
  const pushed = await fetch(`${sandbox.url}/api/sandbox/push`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Convex ${sandbox.adminKey}` },
    body: JSON.stringify({ files: functionsFolder(files) }),
  });
  expect(pushed.ok, await pushed.clone().text()).toBe(true);
  return sandbox;
}

/** An action that POSTs a string body to the built-in echo API and returns what arrived. */
const ECHO_FILES = {
  "convex/echo.ts": `import { action } from "./_generated/server";
export const post = action({
  args: {},
  handler: async () => {
    const response = await fetch("https://echo.example.test/", { method: "POST", body: "ping" });
    return (await response.json()).body;
  },
});`,
};

describe("lesson checks over the sandbox server's HTTP API", () => {
  const lessonPlaygrounds = playgroundIds().filter((id) => !id.startsWith("ts-") && loadPlayground(id).hasChecks);
  // The HTTP actions lesson's checks send request bodies from an action.
  it("fetch() from an action on the server keeps its request body", async () => {
    const sandbox = await sandboxWith(ECHO_FILES);
    expect(await checkClient(sandbox.url).action("echo:post", {})).toBe("ping");
  });

  for (const id of lessonPlaygrounds) {
    it(`${id}: every check passes on the finished files`, { timeout: 60_000 }, async () => {
      const playground = loadPlayground(id);
      const sandbox = await sandboxWith(playground.solution ?? playground.starter);
      const { default: checks } = (await import(`../../content/playgrounds/${id}/checks.ts`)) as { default: Check[] };
      const client = { ...checkClient(sandbox.url), siteUrl: sandbox.siteUrl };
      const results = await runChecks(checks, client);
      expect(results.filter((r) => !r.passed)).toEqual([]);
    });
  }
});
