/**
 * Where a deployment keeps its cron jobs' timing across restarts, as Convex
 * keeps `nextTs`/`prevTs` in its `_cron_jobs` table: one JSON file in the
 * deployment's data folder (`{dataDir}/crons.json`), rewritten whole (write
 * to a temporary file, then rename) whenever a job's timing changes. A job's
 * state is only reused for the same function, arguments and schedule.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { CronJobSpec } from "./cron-runner.js";

export interface StoredCronJob extends CronJobSpec {
  /** The scheduled time of the next run (ms). */
  nextRun: number;
  /** When the last run started, or null before the first. */
  lastRun: number | null;
  /** True while a run is in progress: still true on load means the process stopped during it. */
  running: boolean;
}

export interface CronStateStore {
  load(): Map<string, StoredCronJob>;
  save(jobs: StoredCronJob[]): void;
}

const FORMAT_VERSION = 1;

export class CronStateFile implements CronStateStore {
  constructor(private readonly path: string) {}

  /** The saved jobs by name; none when the file is missing or unreadable (a torn or foreign file is ignored, not fatal). */
  load(): Map<string, StoredCronJob> {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, "utf8"));
    } catch {
      return new Map();
    }
    const file = raw as { version?: unknown; jobs?: unknown };
    if (file?.version !== FORMAT_VERSION || !Array.isArray(file.jobs)) return new Map();
    return new Map(file.jobs.filter(isStoredJob).map((job) => [job.name, job]));
  }

  save(jobs: StoredCronJob[]): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: FORMAT_VERSION, jobs }));
    renameSync(temporary, this.path);
  }
}

function isStoredJob(value: unknown): value is StoredCronJob {
  const job = value as Partial<StoredCronJob> | null;
  return (
    typeof job?.name === "string" &&
    typeof job.functionPath === "string" &&
    typeof job.schedule === "object" &&
    job.schedule !== null &&
    typeof job.nextRun === "number" &&
    (job.lastRun === null || typeof job.lastRun === "number") &&
    typeof job.running === "boolean"
  );
}
