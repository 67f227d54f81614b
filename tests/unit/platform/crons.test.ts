import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { anyApi, cronJobs } from "convex/server";
import { CronRunner, parseCronsExport } from "../../../src/sandbox/platform/crons/cron-runner.js";
import { followingRun, nextRunMs } from "../../../src/sandbox/platform/crons/cron-schedule.js";
import { CronStateFile } from "../../../src/sandbox/platform/crons/cron-state-file.js";
import type { CallOutcome, JSONValue } from "../../../src/sandbox/runtime/types.js";

const T0 = Date.UTC(2026, 0, 7, 10, 30, 0); // Wednesday 2026-01-07 10:30 UTC

function exported(build: (c: ReturnType<typeof cronJobs>) => void) {
  const crons = cronJobs();
  build(crons);
  return JSON.parse((crons as unknown as { export(): string }).export()) as JSONValue;
}

describe("cron schedules (from the real cronJobs().export())", () => {
  const specs = parseCronsExport(
    exported((c) => {
      c.interval("every 30s", { seconds: 30 }, anyApi.jobs.tick, { n: 1 });
      c.hourly("hourly", { minuteUTC: 15 }, anyApi.jobs.tick);
      c.daily("daily", { hourUTC: 9, minuteUTC: 5 }, anyApi.jobs.tick);
      c.weekly("weekly", { dayOfWeek: "monday", hourUTC: 8, minuteUTC: 0 }, anyApi.jobs.tick);
      c.monthly("monthly", { day: 1, hourUTC: 0, minuteUTC: 0 }, anyApi.jobs.tick);
      c.cron("cron", "*/10 * * * *", anyApi.jobs.tick);
    }),
  );
  const next = (name: string, prev: number | null = null) =>
    new Date(nextRunMs(specs.find((s) => s.name === name)!.schedule, T0, prev)).toISOString();

  it("parses names, function paths and args", () => {
    expect(specs[0]).toEqual({ name: "every 30s", functionPath: "jobs:tick", args: { n: 1 }, schedule: { type: "interval", seconds: 30 } });
  });

  it("computes the next UTC run for each kind", () => {
    expect(next("every 30s")).toBe("2026-01-07T10:30:00.000Z");
    expect(next("every 30s", T0)).toBe("2026-01-07T10:30:30.000Z");
    expect(next("hourly")).toBe("2026-01-07T11:15:00.000Z");
    expect(next("daily")).toBe("2026-01-08T09:05:00.000Z");
    expect(next("weekly")).toBe("2026-01-12T08:00:00.000Z");
    expect(next("monthly")).toBe("2026-02-01T00:00:00.000Z");
    expect(next("cron")).toBe("2026-01-07T10:40:00.000Z");
  });

  it("rejects an invalid cron expression on register", () => {
    const runner = new CronRunner(async () => ok());
    expect(() => runner.register([{ name: "bad", functionPath: "a:b", args: {}, schedule: { type: "cron", cron: "99 * * * *" } }])).toThrow(
      /Invalid cron expression "99 \* \* \* \*"/,
    );
  });
});

function ok(logLines: string[] = []): CallOutcome {
  return { status: "success", value: null, logLines, ts: 0n, durationMs: 0 };
}

describe("cron runner", () => {
  afterEach(() => vi.useRealTimers());

  it("runs interval jobs at deploy and then every interval, logging each run", async () => {
    vi.useFakeTimers({ now: T0 });
    const calls: Array<[string, JSONValue]> = [];
    let fail = false;
    const runner = new CronRunner(async (path, args) => {
      calls.push([path, args]);
      if (fail) return { status: "error", errorMessage: "Uncaught Error: boom", logLines: ["[ERROR] boom"], ts: 0n, durationMs: 0 };
      return ok(["[LOG] tick"]);
    });
    runner.register(parseCronsExport(exported((c) => c.interval("tick", { seconds: 10 }, anyApi.jobs.tick, { n: 2 }))));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([["jobs:tick", { n: 2 }]]);
    await vi.advanceTimersByTimeAsync(10_000);
    fail = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
    expect(runner.history().map((r) => [r.status, r.error ?? null, r.logLines])).toEqual([
      ["success", null, ["[LOG] tick"]],
      ["success", null, ["[LOG] tick"]],
      ["failed", "Uncaught Error: boom", ["[ERROR] boom"]],
    ]);
    expect(runner.list()[0].nextRun).toBe(T0 + 30_000);
    runner.stop();
  });

  it("re-push replaces the set: removed jobs stop, unchanged jobs keep their timing", async () => {
    vi.useFakeTimers({ now: T0 });
    const calls: string[] = [];
    const runner = new CronRunner(async (path) => {
      calls.push(path);
      return ok();
    });
    runner.register(
      parseCronsExport(
        exported((c) => {
          c.interval("a", { seconds: 10 }, anyApi.jobs.a);
          c.interval("b", { seconds: 10 }, anyApi.jobs.b);
        }),
      ),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    runner.register(parseCronsExport(exported((c) => c.interval("a", { seconds: 10 }, anyApi.jobs.a))));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual(["jobs:a", "jobs:b", "jobs:a"]);
    expect(runner.list().map((j) => j.name)).toEqual(["a"]);
    runner.register([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
  });
});

describe("cron timing across restarts", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cron-state-"));
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  const every10s = () => parseCronsExport(exported((c) => c.interval("tick", { seconds: 10 }, anyApi.jobs.tick)));

  function startRunner(calls: number[]) {
    const runner = new CronRunner(
      async () => {
        calls.push(Date.now());
        return ok();
      },
      Date.now,
      new CronStateFile(join(dir, "crons.json")),
    );
    runner.register(every10s());
    return runner;
  }

  /** Starts at T0, stops after `stopAfterMs`, and starts a new runner over the same state at `restartAt`. */
  async function runThenRestart(calls: number[], stopAfterMs: number, restartAt: number) {
    vi.useFakeTimers({ now: T0 });
    const first = startRunner(calls);
    await vi.advanceTimersByTimeAsync(stopAfterMs);
    first.stop();
    expect(calls).toEqual([T0]);
    vi.setSystemTime(restartAt);
    return startRunner(calls);
  }

  it("a job whose time has not come waits for it after a restart", async () => {
    const calls: number[] = [];
    const second = await runThenRestart(calls, 3_000, T0 + 5_000);
    expect(second.list()[0]).toMatchObject({ nextRun: T0 + 10_000, lastRun: T0 });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls).toEqual([T0]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toEqual([T0, T0 + 10_000]);
    second.stop();
  });

  it("a job whose time passed while stopped runs once, logs the skipped runs and keeps its schedule", async () => {
    const calls: number[] = [];
    const second = await runThenRestart(calls, 0, T0 + 35_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([T0, T0 + 35_000]);
    // The run was due at T0+10s; T0+20s and T0+30s are skipped, the next is T0+40s (not 35s + 10s).
    expect(second.history().map((r) => [r.status, r.canceledRuns ?? null])).toEqual([
      ["success", null],
      ["canceled", 2],
    ]);
    expect(second.history()[1].error).toBe("Skipping 2 run(s) of job tick because multiple scheduled runs are in the past");
    expect(second.list()[0].nextRun).toBe(T0 + 40_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([T0, T0 + 35_000, T0 + 40_000]);
    second.stop();
  });

  const slowAndChanged = (v: number) =>
    parseCronsExport(
      exported((c) => {
        c.interval("slow", { seconds: 10 }, anyApi.jobs.slow);
        c.interval("changed", { seconds: 10 }, anyApi.jobs.tick, { v });
      }),
    );

  it("a changed job starts afresh; a run cut short by a stop is logged as failed, not retried", async () => {
    vi.useFakeTimers({ now: T0 });
    const store = new CronStateFile(join(dir, "crons.json"));
    let finish: (() => void) | null = null;
    const first = new CronRunner(() => new Promise<CallOutcome>((resolve) => (finish = () => resolve(ok()))), Date.now, store);
    first.register(slowAndChanged(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.load().get("slow")).toMatchObject({ running: true, lastRun: T0 });
    first.stop();
    finish!();

    vi.setSystemTime(T0 + 4_000);
    const calls: string[] = [];
    const second = new CronRunner(
      async (path) => {
        calls.push(path);
        return ok();
      },
      Date.now,
      store,
    );
    second.register(slowAndChanged(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(["jobs:tick"]);
    expect(second.history().map((r) => [r.cron, r.status, r.error ?? null])).toEqual([
      ["slow", "failed", "Transient error while executing action"],
      ["changed", "success", null],
    ]);
    expect(second.list().find((j) => j.name === "slow")!.nextRun).toBe(T0 + 10_000);
    second.stop();
  });

  it("a run that outlasts its interval is never overlapped; the times it covered are skipped", async () => {
    vi.useFakeTimers({ now: T0 });
    let running = 0;
    let overlapped = false;
    const runner = new CronRunner(async () => {
      running++;
      overlapped ||= running > 1;
      await new Promise((r) => setTimeout(r, 25_000));
      running--;
      return ok();
    });
    runner.register(every10s());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(overlapped).toBe(false);
    expect(runner.history().map((r) => [r.status, r.startedAt - T0, r.canceledRuns ?? null])).toEqual([
      ["success", 0, null],
      ["canceled", 25_000, 2],
      ["success", 30_000, null],
      ["canceled", 55_000, 2],
    ]);
    runner.stop();
  });

  it("calendar schedules skip to the first time at or after the completed run", () => {
    const hourly = { type: "hourly", minuteUTC: 15 } as const;
    expect(followingRun(hourly, Date.UTC(2026, 0, 7, 9, 15), Date.UTC(2026, 0, 7, 9, 15, 2))).toEqual({
      nextRun: Date.UTC(2026, 0, 7, 10, 15),
      canceled: 0,
    });
    expect(followingRun(hourly, Date.UTC(2026, 0, 7, 9, 15), Date.UTC(2026, 0, 7, 12, 0))).toEqual({
      nextRun: Date.UTC(2026, 0, 7, 12, 15),
      canceled: 2,
    });
  });

  it("an unreadable state file is ignored", () => {
    writeFileSync(join(dir, "crons.json"), "{not json");
    expect(new CronStateFile(join(dir, "crons.json")).load().size).toBe(0);
  });
});
