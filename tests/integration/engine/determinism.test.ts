/**
 * The deterministic runtime: frozen time and seeded randomness in queries and
 * mutations, refused side effects, import-time restrictions, real time and
 * timers in actions, and the per-call time budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployment, type SandboxDeployment } from "../../../src/sandbox/index.ts";
import { deployEngineApp } from "./helpers.ts";

let d: SandboxDeployment;
beforeAll(async () => {
  d = await deployEngineApp({ limits: { queryMutationTimeoutMs: 300 } });
});
afterAll(async () => {
  await d.dispose();
});

const SUFFIX = " in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.";

describe("queries and mutations", () => {
  it("freeze Date for the whole call and seed Math.random and crypto", async () => {
    const before = Date.now();
    const outcome = await d.runQuery({ path: "determinism:clock", args: {} });
    const after = Date.now();
    const v = outcome.value as { a: number; b: number; random: number[]; uuid: string };
    expect(v.a).toBe(v.b);
    expect(v.a).toBeGreaterThanOrEqual(before);
    expect(v.a).toBeLessThanOrEqual(after);
    expect(v.random[0]).not.toBe(v.random[1]);
    expect(v.random.every((r) => r >= 0 && r < 1)).toBe(true);
    expect(v.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("refuse fetch, setTimeout and setInterval with Convex's messages", async () => {
    const fetchOutcome = await d.runQuery({ path: "determinism:fetchInQuery", args: {} });
    expect(fetchOutcome.errorMessage!.split("\n")[0]).toBe(`Uncaught Error: Can't use fetch()${SUFFIX}`);
    const timer = await d.runMutation({ path: "determinism:timerInMutation", args: {} });
    expect(timer.errorMessage!.split("\n")[0]).toBe(`Uncaught Error: Can't use setTimeout${SUFFIX}`);
    const interval = await d.runMutation({ path: "determinism:intervalInMutation", args: {} });
    expect(interval.errorMessage!.split("\n")[0]).toBe(`Uncaught Error: Can't use setInterval${SUFFIX}`);
  });

  it("stop a runaway loop after the time budget, and keep serving", async () => {
    const started = performance.now();
    const outcome = await d.runQuery({ path: "errors:spin", args: {} });
    expect(outcome.status).toBe("error");
    expect(outcome.errorMessage).toBe("Function execution timed out (maximum duration: 300ms)");
    expect(performance.now() - started).toBeLessThan(3_000);
    const next = await d.runQuery({ path: "determinism:clock", args: {} });
    expect(next.status).toBe("success");
  });
});

describe("a call that never settles", () => {
  it("ends at the wall-clock limit without committing, and frees the deployment", async () => {
    const quick = await deployEngineApp({ limits: { queryMutationWallClockMs: 300 } });
    try {
      const before = quick.latestTs();
      const outcome = await quick.runMutation({ path: "errors:hang", args: {} });
      expect(outcome.errorMessage).toBe(
        "Function execution did not finish within 0.3s: it is waiting for a promise that never settles.",
      );
      expect(quick.latestTs()).toBe(before);
      expect(await quick.runQuery({ path: "determinism:clock", args: {} })).toMatchObject({ status: "success" });
    } finally {
      await quick.dispose();
    }
  });
});

describe("actions", () => {
  it("have real time, real randomness and timers", async () => {
    const outcome = await d.runAction({ path: "determinism:actionClock", args: { waitMs: 30 } });
    expect(outcome.status).toBe("success");
    const v = outcome.value as { elapsed: number; random: number };
    expect(v.elapsed).toBeGreaterThanOrEqual(25);
    expect(v.random).toBeGreaterThanOrEqual(0);
  });

  it("fetch through the deployment's network function", async () => {
    const seen: Array<{ url: string; method: string; body: string | null; header: string | undefined }> = [];
    const withFetch = await deployEngineApp({
      fetch: async (request) => {
        seen.push({
          url: request.url,
          method: request.method,
          body: request.bodyBase64 === null ? null : Buffer.from(request.bodyBase64, "base64").toString(),
          header: request.headers.find(([k]) => k === "x-test")?.[1],
        });
        return { status: 202, statusText: "Accepted", headers: [["content-type", "text/plain"]], bodyBase64: Buffer.from("pong").toString("base64") };
      },
    });
    try {
      const outcome = await withFetch.runAction({ path: "determinism:fetchInAction", args: { url: "https://api.example.test/ping" } });
      expect(outcome.value).toEqual({ status: 202, body: "pong", type: "text/plain" });
      expect(seen).toEqual([{ url: "https://api.example.test/ping", method: "POST", body: "ping", header: "1" }]);
    } finally {
      await withFetch.dispose();
    }
  });

  it("run concurrently", async () => {
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() => d.runAction({ path: "determinism:actionClock", args: { waitMs: 150 } })),
    );
    expect(outcomes.every((o) => o.status === "success")).toBe(true);
    const spans = outcomes.map((o) => o.value as { startedAt: number; endedAt: number });
    // Every action started before any of them finished: they were all in flight together.
    expect(Math.max(...spans.map((s) => s.startedAt))).toBeLessThan(Math.min(...spans.map((s) => s.endedAt)));
  });
});

describe("import time", () => {
  async function pushFails(source: string) {
    const deployment = await createDeployment();
    try {
      const result = await deployment.push({ "seed.ts": source });
      expect(result.ok).toBe(false);
      return result.ok ? null : result.errors[0];
    } finally {
      await deployment.dispose();
    }
  }

  it("gives Math.random and Date at the top level the push's own seed and time, the same on every load of that push", async () => {
    const deployment = await createDeployment();
    try {
      const source = [
        'import { query } from "./_generated/server";',
        "const drawn = [Math.random(), Math.random()];",
        "const loadedAt = Date.now();",
        "const loadedDate = new Date().getTime();",
        "export const values = query({ args: {}, handler: async () => ({ drawn, loadedAt, loadedDate, envName: process.env.NAME ?? null }) });",
        "",
      ].join("\n");
      const before = Date.now();
      expect((await deployment.push({ "seed.ts": source })).ok).toBe(true);
      const after = Date.now();
      const read = async () => (await deployment.runQuery({ path: "seed:values", args: {} })).value as {
        drawn: number[];
        loadedAt: number;
        loadedDate: number;
        envName: string | null;
      };
      const first = await read();
      expect(first.loadedAt >= before && first.loadedAt <= after).toBe(true);
      expect(first.loadedDate).toBe(first.loadedAt);
      expect(first.drawn[0]).not.toBe(first.drawn[1]);
      for (const x of first.drawn) expect(x >= 0 && x < 1).toBe(true);

      // A variable change reloads the modules: same push, same seed and time.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await deployment.updateEnvironmentVariables([{ name: "NAME", value: "reloaded" }]);
      const reloaded = await read();
      expect(reloaded).toEqual({ ...first, envName: "reloaded" });

      // A new push gets its own time (and seed).
      expect((await deployment.push({ "seed.ts": source + "// again\n" })).ok).toBe(true);
      expect((await read()).loadedAt).toBeGreaterThan(first.loadedAt);
    } finally {
      await deployment.dispose();
    }
  });

  it("refuses cryptographic randomness while modules load", async () => {
    const uuid = await pushFails("\nexport const instance = crypto.randomUUID();\n");
    expect(uuid?.message.split("\n")[0]).toBe("Uncaught Error: Cannot use cryptographic randomness at import time");
    expect(uuid?.line).toBe(2);
    const bytes = await pushFails("export const key = crypto.getRandomValues(new Uint8Array(16));\n");
    expect(bytes?.message.split("\n")[0]).toBe("Uncaught Error: Cannot use cryptographic randomness at import time");
  });
});
