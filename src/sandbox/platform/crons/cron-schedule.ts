/**
 * When a cron job next runs, for each schedule kind `cronJobs().export()`
 * produces (see `convex/server` cron.ts). All calendar schedules are in UTC.
 * Interval jobs run once when first deployed, then every interval. As in
 * Convex, each run's time follows from the previous run's scheduled time
 * (not from when it actually ran), and runs whose time has already passed
 * when a run completes are skipped, not made up.
 */
import { Cron } from "croner";

export type CronScheduleJson =
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number }
  | { type: "cron"; cron: string };

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The interval in ms for interval schedules, else null. */
export function intervalMs(s: CronScheduleJson): number | null {
  if (s.type !== "interval") return null;
  const ms = (s.seconds ?? 0) * 1000 + (s.minutes ?? 0) * 60_000 + (s.hours ?? 0) * 3_600_000;
  if (!(ms > 0)) throw new Error(`Invalid interval schedule ${JSON.stringify(s)}: the interval must be positive.`);
  return ms;
}

/** A five-field cron expression (minute hour day-of-month month day-of-week) for calendar schedules. */
export function cronExpression(s: CronScheduleJson): string | null {
  switch (s.type) {
    case "interval":
      return null;
    case "hourly":
      return `${s.minuteUTC ?? 0} * * * *`;
    case "daily":
      return `${s.minuteUTC ?? 0} ${s.hourUTC} * * *`;
    case "weekly": {
      const day = DAYS.indexOf(String(s.dayOfWeek).toLowerCase());
      if (day < 0) throw new Error(`Invalid weekly schedule: unknown day of week "${s.dayOfWeek}".`);
      return `${s.minuteUTC ?? 0} ${s.hourUTC} * * ${day}`;
    }
    case "monthly":
      return `${s.minuteUTC ?? 0} ${s.hourUTC} ${s.day} * *`;
    case "cron":
      return s.cron;
    default:
      throw new Error(`Unknown cron schedule type in ${JSON.stringify(s)}.`);
  }
}

/**
 * The next run strictly after `afterMs`. `previousRunMs` is the last run (null
 * before the first): interval jobs run at registration, then every interval.
 */
export function nextRunMs(s: CronScheduleJson, afterMs: number, previousRunMs: number | null): number {
  const interval = intervalMs(s);
  if (interval !== null) return previousRunMs === null ? afterMs : previousRunMs + interval;
  const job = calendar(s);
  try {
    return calendarRunAfter(job, afterMs, s);
  } finally {
    job.stop();
  }
}

/**
 * The run after one scheduled for `scheduledMs` that completed at `nowMs`:
 * the first scheduled time at or after `nowMs`, and how many scheduled times
 * before it were skipped (Convex logs those as one canceled entry).
 */
export function followingRun(s: CronScheduleJson, scheduledMs: number, nowMs: number): { nextRun: number; canceled: number } {
  const interval = intervalMs(s);
  if (interval !== null) {
    const next = scheduledMs + interval;
    const canceled = next < nowMs ? Math.ceil((nowMs - next) / interval) : 0;
    return { nextRun: next + canceled * interval, canceled };
  }
  const job = calendar(s);
  try {
    let next = calendarRunAfter(job, scheduledMs, s);
    let canceled = 0;
    while (next < nowMs) {
      canceled++;
      next = calendarRunAfter(job, next, s);
    }
    return { nextRun: next, canceled };
  } finally {
    job.stop();
  }
}

function calendar(s: CronScheduleJson): Cron {
  const expr = cronExpression(s)!;
  try {
    return new Cron(expr, { timezone: "UTC", paused: true });
  } catch (e) {
    throw new Error(`Invalid cron expression "${expr}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

function calendarRunAfter(job: Cron, afterMs: number, s: CronScheduleJson): number {
  const next = job.nextRun(new Date(afterMs));
  if (!next) throw new Error(`The cron expression "${cronExpression(s)}" never fires.`);
  return next.getTime();
}
