/**
 * Cron timing survives a server restart: the sandbox server with a data
 * folder is closed and started again over it, and the crons of the pushed
 * code carry on from their saved schedule instead of starting over.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { afterAll, describe, expect, it } from "vitest";
import type { PlatformDeployment } from "../../../src/sandbox/platform/attach.js";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.js";
import { waitFor } from "./fixtures.js";

const files: Record<string, string> = {
  "schema.ts": `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({ runs: defineTable({ job: v.string() }) });`,
  "jobs.ts": `import { internalMutation, query } from "./_generated/server";
import { v } from "convex/values";
export const record = internalMutation({ args: { job: v.string() }, handler: async (ctx, { job }) => {
  await ctx.db.insert("runs", { job });
}});
export const counts = query({ args: {}, handler: async (ctx) => {
  const counts: Record<string, number> = { hourly: 0, second: 0 };
  for (const run of await ctx.db.query("runs").collect()) counts[run.job]++;
  return counts;
}});`,
  "crons.ts": `import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";
const crons = cronJobs();
crons.interval("every hour", { hours: 1 }, internal.jobs.record, { job: "hourly" });
crons.interval("every second", { seconds: 1 }, internal.jobs.record, { job: "second" });
export default crons;`,
};

const dataDir = mkdtempSync(join(tmpdir(), "cron-restart-"));
const running: SandboxServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<SandboxServer> {
  const server = await startSandboxServer({ port: 0, sitePort: 0, dataDir, rootFiles: files, log: () => {} });
  running.push(server);
  expect(server.root?.initialPush?.ok).toBe(true);
  return server;
}

async function stop(server: SandboxServer): Promise<void> {
  await server.close();
  running.splice(running.indexOf(server), 1);
}

type Counts = { hourly: number; second: number };
const counts = (server: SandboxServer) => new ConvexHttpClient(server.cloudUrl).query(anyApi.jobs.counts, {}) as Promise<Counts>;

async function crons(server: SandboxServer) {
  const { deployment } = await server.sandboxes.get("_root")!.load();
  return (deployment as PlatformDeployment).platform.crons;
}

describe("cron timing across a server restart", () => {
  it("jobs keep their schedule: one not yet due waits, one that fell due while down runs once", async () => {
    const first = await start();
    const before = await waitFor(() => counts(first), (c) => c.hourly === 1 && c.second >= 2, 20_000);
    expect(before.hourly).toBe(1);
    expect(before.second).toBeGreaterThanOrEqual(2);
    const hourlyNext = (await crons(first)).list().find((j) => j.name === "every hour")!.nextRun;
    await stop(first);

    // Down for a few seconds: several runs of the every-second job fall due meanwhile.
    await new Promise((r) => setTimeout(r, 3_500));
    const second = await start();
    const restarted = await counts(second);
    const after = await waitFor(() => counts(second), (c) => c.second >= restarted.second + 2, 20_000);
    expect(after.second).toBeGreaterThanOrEqual(restarted.second + 2);
    // The hourly job ran when first deployed and is not due for an hour: the restart must not run it again.
    expect(after.hourly).toBe(1);
    const jobs = (await crons(second)).list();
    expect(jobs.find((j) => j.name === "every hour")!.nextRun).toBe(hourlyNext);

    // The every-second job ran once for all the runs it missed, and logged the rest as skipped.
    const history = (await crons(second)).history().filter((r) => r.cron === "every second");
    expect(history[0].status).toBe("success");
    expect(history[1]).toMatchObject({ status: "canceled" });
    expect(history[1].canceledRuns).toBeGreaterThanOrEqual(2);
    expect(history[1].error).toMatch(/^Skipping \d+ run\(s\) of job every second because multiple scheduled runs are in the past$/);
  }, 60_000);
});
