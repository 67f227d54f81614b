/**
 * Runs the jobs of a pushed `convex/crons.ts`. `register` takes the parsed
 * `crons.export()` JSON (`LoadedBundle.crons`); a re-push replaces the set,
 * keeping the timing of jobs whose function, arguments and schedule did not
 * change. Every run is logged (status, error, console lines), newest last.
 */
import type { CallOutcome, JSONValue } from "../../runtime/types.js";
import { nextRunMs, type CronScheduleJson } from "./cron-schedule.js";

export interface CronJobSpec {
  name: string;
  /** Function path as `cronJobs()` records it, e.g. `messages:clearAll`. */
  functionPath: string;
  /** The args object (convex_encoded_json). */
  args: JSONValue;
  schedule: CronScheduleJson;
}

export interface CronRun {
  cron: string;
  functionPath: string;
  startedAt: number;
  durationMs: number;
  status: "success" | "failed" | "skipped";
  error?: string;
  logLines: string[];
}

export interface CronJobState extends CronJobSpec {
  nextRun: number;
  lastRun: number | null;
}

/** Runs one cron invocation (any function type, internal allowed). */
export type RunCronFunction = (functionPath: string, args: JSONValue) => Promise<CallOutcome>;

const MAX_LOGGED_RUNS = 500;
/** setTimeout's maximum delay; longer waits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function parseCronsExport(json: JSONValue | null): CronJobSpec[] {
  if (json === null) return [];
  if (typeof json !== "object" || Array.isArray(json)) throw new Error("crons.ts: the export is not a cronJobs() object.");
  return Object.entries(json).map(([name, spec]) => {
    const s = spec as { name?: unknown; args?: unknown; schedule?: unknown };
    if (typeof s?.name !== "string" || !Array.isArray(s.args) || typeof s.schedule !== "object") {
      throw new Error(`crons.ts: cron job "${name}" is malformed.`);
    }
    return { name, functionPath: s.name, args: (s.args[0] ?? {}) as JSONValue, schedule: s.schedule as CronScheduleJson };
  });
}

export class CronRunner {
  private jobs = new Map<string, CronJobState & { timer: NodeJS.Timeout | null; running: boolean }>();
  private readonly runs: CronRun[] = [];
  private stopped = false;

  constructor(
    private readonly run: RunCronFunction,
    private readonly now: () => number = Date.now,
  ) {}

  /** Installs the cron set of a push. Throws (before changing anything) on an invalid schedule. */
  register(specs: CronJobSpec[]): void {
    const now = this.now();
    for (const spec of specs) nextRunMs(spec.schedule, now, null);
    const previous = this.jobs;
    this.jobs = new Map();
    for (const spec of specs) {
      const old = previous.get(spec.name);
      if (old && sameSpec(old, spec)) {
        previous.delete(spec.name);
        this.jobs.set(spec.name, old);
        continue;
      }
      const state = { ...spec, nextRun: nextRunMs(spec.schedule, now, null), lastRun: null, timer: null, running: false };
      this.jobs.set(spec.name, state);
      this.arm(state);
    }
    for (const gone of previous.values()) if (gone.timer) clearTimeout(gone.timer);
  }

  list(): CronJobState[] {
    return [...this.jobs.values()].map(({ timer: _t, running: _r, ...state }) => ({ ...state }));
  }

  /** Logged runs, oldest first. */
  history(): CronRun[] {
    return this.runs.map((r) => ({ ...r, logLines: [...r.logLines] }));
  }

  stop(): void {
    this.stopped = true;
    for (const job of this.jobs.values()) if (job.timer) clearTimeout(job.timer);
    this.jobs.clear();
  }

  private arm(job: CronJobState & { timer: NodeJS.Timeout | null; running: boolean }): void {
    if (this.stopped) return;
    const delay = Math.max(0, job.nextRun - this.now());
    job.timer = setTimeout(() => {
      job.timer = null;
      if (this.jobs.get(job.name) !== job) return;
      if (job.nextRun > this.now()) return this.arm(job);
      void this.fire(job);
    }, Math.min(delay, MAX_TIMER_MS));
    job.timer.unref?.();
  }

  private async fire(job: CronJobState & { timer: NodeJS.Timeout | null; running: boolean }): Promise<void> {
    const startedAt = this.now();
    job.lastRun = startedAt;
    job.nextRun = nextRunMs(job.schedule, startedAt, startedAt);
    if (job.running) {
      // Like Convex, a run still in progress makes the next one skip rather than overlap.
      this.log({ cron: job.name, functionPath: job.functionPath, startedAt, durationMs: 0, status: "skipped", logLines: [] });
      this.arm(job);
      return;
    }
    job.running = true;
    this.arm(job);
    try {
      const outcome = await this.run(job.functionPath, job.args);
      this.log({
        cron: job.name,
        functionPath: job.functionPath,
        startedAt,
        durationMs: this.now() - startedAt,
        status: outcome.status === "success" ? "success" : "failed",
        ...(outcome.status === "error" ? { error: outcome.errorMessage ?? "Unknown error" } : {}),
        logLines: outcome.logLines,
      });
    } catch (e) {
      this.log({
        cron: job.name,
        functionPath: job.functionPath,
        startedAt,
        durationMs: this.now() - startedAt,
        status: "failed",
        error: e instanceof Error ? e.message : String(e),
        logLines: [],
      });
    } finally {
      job.running = false;
    }
  }

  private log(run: CronRun): void {
    this.runs.push(run);
    if (this.runs.length > MAX_LOGGED_RUNS) this.runs.shift();
  }
}

function sameSpec(a: CronJobSpec, b: CronJobSpec): boolean {
  return a.functionPath === b.functionPath && JSON.stringify(a.args) === JSON.stringify(b.args) && JSON.stringify(a.schedule) === JSON.stringify(b.schedule);
}
