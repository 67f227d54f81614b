import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, COUNTER_FILES, startTestServer } from "./fixtures.ts";

const HOSTILE = `
import { query, mutation, action } from "./_generated/server";
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
export const processEnv = query({ args: {}, handler: async () => JSON.stringify((globalThis as any).process?.env ?? null) });
export const useRequire = query({ args: {}, handler: async () => typeof (globalThis as any).require });
export const dynamicImport = action({
  args: {},
  handler: async () => { const fs = await (new Function("return import('node:fs')"))(); return typeof fs.readFileSync; },
});
export const constructorEscape = query({
  args: {},
  handler: async () => { const g = (0, eval)("this"); return [typeof g.process?.binding, typeof g.Buffer, typeof g.require]; },
});
export const actionLoop = action({ args: {}, handler: async () => { while (true) {} } });
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
  it("stops an infinite loop with the timeout error, then keeps serving", async () => {
    expect(await errorOf(client.query(api.hostile.loop, {}))).toContain("Function execution timed out (maximum duration: 0.3s)");
    expect(await client.mutation(api.counters.increment, { name: "after-loop" })).toBe(1);
  });

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
    expect(JSON.parse(await client.query(api.hostile.processEnv, {}))).toEqual({
      CONVEX_CLOUD_URL: server.cloudUrl,
      CONVEX_SITE_URL: server.siteUrl,
    });
    expect(await client.query(api.hostile.useRequire, {})).toBe("undefined");
    expect(await client.query(api.hostile.constructorEscape, {})).toEqual(["undefined", "undefined", "undefined"]);
    expect(await errorOf(client.action(api.hostile.dynamicImport, {}))).not.toMatch(/^resolved/);
  });

  it("stops a runaway action without stalling queries", async () => {
    const runaway = errorOf(client.action(api.hostile.actionLoop, {}));
    const started = Date.now();
    expect(await client.query(api.counters.get, { name: "after-loop" })).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await runaway).toContain("Function execution timed out (maximum duration: 1.5s)");
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
});
