import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, COUNTER_FILES, startTestServer } from "./fixtures.ts";

const HOSTILE = `
import { query, mutation, action } from "./_generated/server";
import { api } from "./_generated/api";
import { v } from "convex/values";

export const loop = query({ args: {}, handler: async () => { while (true) {} } });
export const loopAfterAwait = query({
  args: {},
  handler: async (ctx) => { await ctx.db.query("counters").first(); for (;;) {} },
});
export const memoryBomb = mutation({
  args: {},
  handler: async () => { const hoard = []; for (;;) hoard.push(new Array(1_000_000).fill(Math.PI)); },
});
export const recurse = query({ args: {}, handler: async () => { const f = (n: number): number => f(n + 1) + 1; return f(0); } });
export const processEnv = query({
  args: {},
  handler: async () => {
    const env = (globalThis as any).process?.env ?? {};
    return JSON.stringify({ enumerable: env, home: env.HOME ?? null, path: env.PATH ?? null, cloud: env.CONVEX_CLOUD_URL, site: env.CONVEX_SITE_URL });
  },
});
export const useRequire = query({ args: {}, handler: async () => typeof (globalThis as any).require });
export const dynamicImport = action({
  args: {},
  handler: async () => { const fs = await (new Function("return import('node:fs')"))(); return typeof fs.readFileSync; },
});
export const computedImport = action({
  args: { name: v.string() },
  handler: async (_ctx, { name }) => { const m = await import(name); return typeof m; },
});
export const computedImportInQuery = query({
  args: { name: v.string() },
  handler: async (_ctx, { name }) => { const m = await import(name); return typeof m; },
});
export const computedRequire = mutation({
  args: { name: v.string() },
  handler: async (_ctx, { name }) => typeof require(name),
});
export const processExit = mutation({ args: {}, handler: async () => { (process as any).exit(1); } });
export const processBinding = query({ args: {}, handler: async () => (process as any).binding("fs") });
// A little CPU work each time (Date is frozen in queries, so the work is counted, not timed).
export const work = query({
  args: { rounds: v.number() },
  handler: async (_ctx, { rounds }) => {
    let x = 0;
    for (let i = 0; i < rounds; i++) x = (x * 31 + i) % 1_000_003;
    return x;
  },
});
// Spends most of its wall-clock time in other calls (ctx.runQuery), not in its own JavaScript.
export const manyNestedQueries = mutation({
  args: { calls: v.number(), rounds: v.number() },
  handler: async (ctx, { calls, rounds }) => {
    let total = 0;
    for (let i = 0; i < calls; i++) total += await ctx.runQuery(api.hostile.work, { rounds: rounds + i });
    return total;
  },
});
export const constructorEscape = query({
  args: {},
  handler: async () => { const g = (0, eval)("this"); return [typeof g.process?.binding, typeof g.Buffer, typeof g.require]; },
});
export const actionLoop = action({ args: {}, handler: async () => { while (true) {} } });
export const patientAction = action({
  args: {},
  handler: async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 100)); return "done"; },
});
export const webGlobals = action({
  args: {},
  handler: async () => {
    const bytes = new TextEncoder().encode("héllo");
    const url = new URL("https://example.com/a?b=1");
    const res = new Response(JSON.stringify({ ok: true }), { headers: { "content-type": "application/json" } });
    const random = crypto.getRandomValues(new Uint8Array(8));
    return {
      text: new TextDecoder().decode(bytes),
      b: url.searchParams.get("b"),
      body: await res.json(),
      header: new Headers({ "X-A": "1" }).get("x-a"),
      btoa: btoa("hi"),
      randomLength: random.length,
      blob: await new Blob(["ab", "c"]).text(),
    };
  },
});
`;

let server: SandboxServer;
let client: ConvexHttpClient;
beforeAll(async () => {
  server = await startTestServer({
    rootFiles: { ...COUNTER_FILES, "hostile.ts": HOSTILE },
    limits: { queryMutationTimeoutMs: 300, actionTimeoutMs: 1500, isolateMemoryMb: 32 },
  });
  client = new ConvexHttpClient(server.cloudUrl);
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function errorOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    (v) => `resolved: ${JSON.stringify(v)}`,
    (e: Error) => e.message,
  );
}

describe("isolates contain hostile code", () => {
  it("stops an infinite loop by its CPU time with Convex's timeout text, then keeps serving", async () => {
    const started = Date.now();
    expect(await errorOf(client.query(api.hostile.loop, {}))).toContain("Function execution timed out (maximum duration: 300ms)");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await client.mutation(api.counters.increment, { name: "after-loop" })).toBe(1);
  });

  it("does not charge a call for time spent waiting on other calls", async () => {
    // Thirty nested queries of ~15 ms CPU each: far more wall-clock time than
    // the mutation's 300 ms budget, very little of it the mutation's own.
    const rounds = 3_000_000;
    const calls = 30;
    expect(typeof (await client.mutation(api.hostile.manyNestedQueries, { calls, rounds }))).toBe("number");
  }, 30_000);

  it("stops a loop that starts after an await", async () => {
    expect(await errorOf(client.query(api.hostile.loopAfterAwait, {}))).toContain("Function execution timed out");
    expect(await client.query(api.counters.get, { name: "after-loop" })).toBe(1);
  });

  it("ends a memory bomb with an out-of-memory error and recreates the isolate", async () => {
    // A roomier time budget, so that the memory cap (not the clock) is what stops it.
    const roomy = await startTestServer({
      rootFiles: { ...COUNTER_FILES, "hostile.ts": HOSTILE },
      limits: { queryMutationTimeoutMs: 10_000, isolateMemoryMb: 32 },
    });
    try {
      const roomyClient = new ConvexHttpClient(roomy.cloudUrl);
      const message = await errorOf(roomyClient.mutation(api.hostile.memoryBomb, {}));
      expect(message).toContain("JavaScript execution ran out of memory (maximum memory usage: 32 MB)");
      expect(await roomyClient.mutation(api.counters.increment, { name: "after-bomb" })).toBe(1);
    } finally {
      await roomy.close();
    }
    expect(await client.query(api.counters.get, { name: "after-loop" })).toBe(1);
  }, 30_000);

  it("turns deep recursion into a RangeError", async () => {
    expect(await errorOf(client.query(api.hostile.recurse, {}))).toContain("Maximum call stack size exceeded");
  });

  it("offers no Node APIs: process.env holds only the deployment's URLs, no require, no node: imports", async () => {
    // As on Convex, process.env answers names one at a time and enumerates nothing.
    expect(JSON.parse(await client.query(api.hostile.processEnv, {}))).toEqual({
      enumerable: {},
      home: null,
      path: null,
      cloud: server.cloudUrl,
      site: server.siteUrl,
    });
    expect(await client.query(api.hostile.useRequire, {})).toBe("undefined");
    expect(await client.query(api.hostile.constructorEscape, {})).toEqual(["undefined", "undefined", "undefined"]);
    expect(await errorOf(client.action(api.hostile.dynamicImport, {}))).not.toMatch(/^resolved/);
  });

  it("ends a call that loads a module at run time with a clear error", async () => {
    const imported = await errorOf(client.action(api.hostile.computedImport, { name: "node:child_process" }));
    expect(imported).toContain('Uncaught TypeError: dynamic module import unsupported: import("node:child_process") cannot load a module at run time.');
    expect(imported).toContain("Convex functions run in a V8 isolate without Node.js built-in modules or require()");
    expect(imported).toContain('this sandbox does not run "use node" actions');
    // The stack still points at the import() in the source, line and column.
    expect(imported).toContain("hostile.ts:30:56");
    expect(await errorOf(client.query(api.hostile.computedImportInQuery, { name: "fs" }))).toContain(
      'dynamic module import unsupported: import("fs")',
    );
    const required = await errorOf(client.mutation(api.hostile.computedRequire, { name: "fs" }));
    expect(required).toContain('Uncaught Error: Dynamic require of "fs" is not supported.');
    expect(required).toContain("without Node.js built-in modules or require()");
    expect(await client.mutation(api.counters.increment, { name: "after-imports" })).toBe(1);
  });

  it("gives process only env, as Convex does: other reach-outs fail the call", async () => {
    expect(await errorOf(client.mutation(api.hostile.processExit, {}))).toContain("TypeError: process.exit is not a function");
    expect(await errorOf(client.query(api.hostile.processBinding, {}))).toContain("TypeError: process.binding is not a function");
    expect(await client.query(api.counters.get, { name: "after-imports" })).toBe(1);
  });

  it("stops a runaway action without stalling queries or other actions", async () => {
    const runaway = errorOf(client.action(api.hostile.actionLoop, {}));
    const patient = client.action(api.hostile.patientAction, {});
    const started = Date.now();
    expect(await client.query(api.counters.get, { name: "after-loop" })).toBe(1);
    // Well before the runaway action's 1.5 s limit ends it.
    expect(Date.now() - started).toBeLessThan(1400);
    expect(await patient).toBe("done");
    expect(await runaway).toContain("Function execution timed out (maximum duration: 1.5s)");
    expect(await client.action(api.hostile.patientAction, {})).toBe("done");
  });

  it("provides the web globals actions need", async () => {
    expect(await client.action(api.hostile.webGlobals, {})).toEqual({
      text: "héllo",
      b: "1",
      body: { ok: true },
      header: "1",
      btoa: "aGk=",
      randomLength: 8,
      blob: "abc",
    });
  });

  it("refuses at push a literal import or require of a Node.js module, saying why", async () => {
    const created = (await (await fetch(server.cloudUrl + "/api/sandboxes", { method: "POST" })).json()) as { url: string; adminKey: string };
    const push = async (files: Record<string, string>) => {
      const res = await fetch(created.url + "/api/sandbox/push", {
        method: "POST",
        headers: { Authorization: `Convex ${created.adminKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ files }),
      });
      return { status: res.status, json: (await res.json()) as { message: string; errors: Array<{ file: string; line: number; message: string }> } };
    };
    const nodeFiles = {
      "staticImport.ts": `import { readFileSync } from "node:fs";\nexport const x = typeof readFileSync;\n`,
      "dynamicImport.ts": `export async function load() {\n  return await import("fs");\n}\n`,
      "required.js": `export function run() {\n  return require("child_process");\n}\n`,
      "nodeAction.ts": `"use node";\nimport { createHash } from "crypto";\nexport const h = createHash;\n`,
    };
    const refused = await push({ ...COUNTER_FILES, ...nodeFiles });
    expect(refused.status).toBe(400);
    const byFile = Object.fromEntries(refused.json.errors.map((e) => [e.file, e]));
    expect(byFile["staticImport.ts"]).toMatchObject({ line: 1 });
    expect(byFile["dynamicImport.ts"]).toMatchObject({ line: 2 });
    expect(byFile["required.js"]).toMatchObject({ line: 2 });
    expect(byFile["dynamicImport.ts"].message).toBe(
      'Could not resolve "fs": it is built into Node.js, and Convex functions run in a V8 isolate without Node.js APIs. ' +
        'It looks like you are using Node APIs from a file without the "use node" directive; this sandbox does not run "use node" actions, ' +
        'so only "convex" and your own files can be imported.',
    );
    expect(byFile["required.js"].message).toContain('Could not resolve "child_process": it is built into Node.js');
    expect(byFile["nodeAction.ts"]).toMatchObject({ line: 2 });
    expect(byFile["nodeAction.ts"].message).toContain('This sandbox does not run "use node" actions (the directive is ignored)');
    expect(refused.json.message).toContain("staticImport.ts:1");
    expect(await client.query(api.counters.get, { name: "after-imports" })).toBe(1);
  });
});
