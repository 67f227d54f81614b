/**
 * Run-time module loading in the node:vm executor: a computed import() or
 * require() fails the call with the same clear text as in the isolates
 * (tests/integration/server/isolation.test.ts covers the isolate executor).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployment, type SandboxDeployment } from "../../../src/sandbox/index.ts";

const FILES = {
  "loading.ts": `
import { query, mutation } from "./_generated/server";
import { v } from "convex/values";
export const computedImport = query({
  args: { name: v.string() },
  handler: async (_ctx, { name }) => typeof (await import(name)),
});
export const computedRequire = mutation({ args: { name: v.string() }, handler: async (_ctx, { name }) => typeof require(name) });
export const relativeImport = query({ args: {}, handler: async () => (await import("./helper")).double(21) });
`,
  "helper.ts": `export function double(n: number) { return n * 2; }\n`,
};

let d: SandboxDeployment;
beforeAll(async () => {
  d = await createDeployment({ files: FILES });
});
afterAll(async () => {
  await d.dispose();
});

describe("loading modules at run time", () => {
  it("fails a computed import() with Convex's text and the reason", async () => {
    const outcome = await d.runQuery({ path: "loading:computedImport", args: { name: "node:fs" } });
    expect(outcome.errorMessage!.split("\n")[0]).toBe(
      'Uncaught TypeError: dynamic module import unsupported: import("node:fs") cannot load a module at run time. ' +
        "Convex functions run in a V8 isolate without Node.js built-in modules or require(), " +
        'and this sandbox does not run "use node" actions: import only "convex" and your own files, with static import statements.',
    );
    expect(outcome.errorMessage).toContain("loading.ts:6:");
  });

  it("fails a computed require() with esbuild's text and the reason", async () => {
    const outcome = await d.runMutation({ path: "loading:computedRequire", args: { name: "crypto" } });
    expect(outcome.errorMessage!.split("\n")[0]).toMatch(/^Uncaught Error: Dynamic require of "crypto" is not supported\. Convex functions run in a V8 isolate/);
  });

  it("still loads the folder's own modules with a literal import()", async () => {
    expect((await d.runQuery({ path: "loading:relativeImport", args: {} })).value).toBe(42);
  });
});
