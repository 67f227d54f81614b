/**
 * Runs the jobs of a pushed `convex/crons.ts`. `register` takes the parsed
 * `crons.export()` JSON (`LoadedBundle.crons`); a re-push replaces the set,
 * keeping the timing of jobs whose function, arguments and schedule did not
 * change. With a `CronStateStore` the timing also survives a restart: the
 * first push after start picks up each unchanged job's saved next run, so a
 * job whose time passed while the process was down runs once, then follows
 * its schedule. A job never overlaps itself: its next time is worked out when
 * a run completes, and times already past then are skipped and logged as one
 * `canceled` entry, as Convex does. Every run is logged (status, error,
 * console lines), newest last.
 */
import type { CallOutcome, JSONValue } from "../../runtime/types.js";
import { followingRun, nextRunMs, type CronScheduleJson } from "./cron-schedule.js";
import type { CronStateStore, StoredCronJob } from "./cron-state-file.js";

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
  status: "success" | "failed" | "canceled";
  error?: string;
  /** `canceled` entries: how many scheduled runs were skipped. */
  canceledRuns?: number;
  logLines: string[];
}

export interface CronJobState extends CronJobSpec {
  /** The scheduled time of the next run (ms). */
  nextRun: number;
  /** When the last run started, or null before the first. */
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
  private jobs = new Map<string, Job>();
  private readonly runs: CronRun[] = [];
  private stopped = false;
  /** Saved job states, read at the first push after start and then dropped. */
  private saved: Map<string, StoredCronJob> | null = null;

  constructor(
    private readonly run: RunCronFunction,
    private readonly now: () => number = Date.now,
    private readonly store: CronStateStore | null = null,
  ) {}

  /** Installs the cron set of a push. Throws (before changing anything) on an invalid schedule. */
  register(specs: CronJobSpec[]): void {
    const now = this.now();
    for (const spec of specs) nextRunMs(spec.schedule, now, null);
    const saved = this.saved ?? this.store?.load() ?? new Map<string, StoredCronJob>();
    this.saved = new Map();
    const previous = this.jobs;
    this.jobs = new Map();
    const interrupted: Job[] = [];
    for (const spec of specs) {
      const old = previous.get(spec.name);
      if (old && sameSpec(old, spec)) {
        previous.delete(spec.name);
        this.jobs.set(spec.name, old);
        continue;
      }
      const restored = saved.get(spec.name);
      const job: Job =
        restored && sameSpec(restored, spec)
          ? { ...spec, nextRun: restored.nextRun, lastRun: restored.lastRun, timer: null, running: false }
          : { ...spec, nextRun: nextRunMs(spec.schedule, now, null), lastRun: null, timer: null, running: false };
      this.jobs.set(spec.name, job);
      if (restored?.running && sameSpec(restored, spec)) interrupted.push(job);
    }
    for (const gone of previous.values()) if (gone.timer) clearTimeout(gone.timer);
    // Like Convex, a run cut short by a stop is not retried: it is logged as
    // failed and the job moves on to its next time.
    for (const job of interrupted) {
      const startedAt = job.lastRun ?? now;
      this.log({ ...this.entry(job, startedAt), durationMs: 0, status: "failed", error: "Transient error while executing action" });
      this.complete(job, job.nextRun);
    }
    this.save();
    for (const job of this.jobs.values()) if (!job.timer && !job.running) this.arm(job);
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

  private arm(job: Job): void {
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

  private async fire(job: Job): Promise<void> {
    const scheduledAt = job.nextRun;
    const startedAt = this.now();
    job.lastRun = startedAt;
    job.running = true;
    this.save();
    let entry: CronRun;
    try {
      const outcome = await this.run(job.functionPath, job.args);
      entry = {
        ...this.entry(job, startedAt),
        status: outcome.status === "success" ? "success" : "failed",
        ...(outcome.status === "error" ? { error: outcome.errorMessage ?? "Unknown error" } : {}),
        logLines: outcome.logLines,
      };
    } catch (e) {
      entry = { ...this.entry(job, startedAt), status: "failed", error: e instanceof Error ? e.message : String(e) };
    }
    job.running = false;
    this.log(entry);
    // Replaced by a push or stopped while it ran: the job's timing is no longer ours to move.
    if (this.stopped || this.jobs.get(job.name) !== job) return;
    this.complete(job, scheduledAt);
    this.save();
    this.arm(job);
  }

  /** Moves a job past a run scheduled for `scheduledAt`, skipping (and logging) times already past. */
  private complete(job: Job, scheduledAt: number): void {
    const now = this.now();
    const { nextRun, canceled } = followingRun(job.schedule, scheduledAt, now);
    if (canceled > 0) {
      this.log({
        ...this.entry(job, now),
        status: "canceled",
        canceledRuns: canceled,
        error: `Skipping ${canceled} run(s) of job ${job.name} because multiple scheduled runs are in the past`,
      });
    }
    job.nextRun = nextRun;
  }

  private entry(job: Job, startedAt: number): Omit<CronRun, "status"> {
    return { cron: job.name, functionPath: job.functionPath, startedAt, durationMs: this.now() - startedAt, logLines: [] };
  }

  private save(): void {
    if (!this.store || this.stopped) return;
    this.store.save([...this.jobs.values()].map(({ timer: _t, ...state }) => state));
  }

  private log(run: CronRun): void {
    this.runs.push(run);
    if (this.runs.length > MAX_LOGGED_RUNS) this.runs.shift();
  }
}

type Job = CronJobState & { timer: NodeJS.Timeout | null; running: boolean };

function sameSpec(a: CronJobSpec, b: CronJobSpec): boolean {
  return a.functionPath === b.functionPath && JSON.stringify(a.args) === JSON.stringify(b.args) && JSON.stringify(a.schedule) === JSON.stringify(b.schedule);
}
