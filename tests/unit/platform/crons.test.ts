import { afterEach, describe, expect, it, vi } from "vitest";
import { anyApi, cronJobs } from "convex/server";
import { CronRunner, parseCronsExport } from "../../../src/sandbox/platform/crons/cron-runner.js";
import { nextRunMs } from "../../../src/sandbox/platform/crons/cron-schedule.js";
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
