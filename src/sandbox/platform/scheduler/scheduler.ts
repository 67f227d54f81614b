/**
 * `ctx.scheduler`: jobs are `_scheduled_functions` documents
 * `{ name, args: [argsObj], scheduledTime (ms), completedTime?, state }`.
 *
 * - Scheduling from a mutation inserts the job in the mutation's own
 *   transaction, so a mutation that fails schedules nothing; from an action
 *   the job is committed at once.
 * - Timers follow the commit stream: a committed pending job is armed, a
 *   canceled or finished one disarmed. On start every pending job in the
 *   (replayed) table is re-armed, so jobs survive a restart.
 * - Mutations run exactly once: the job's `success` state is written inside
 *   the mutation's transaction (`beforeCommit`), which also re-checks that
 *   the job is still pending. Actions run at most once: they are marked
 *   `inProgress` before they start and never retried; one interrupted by a
 *   restart is marked failed.
 */
import type { JSONValue, CallOutcome, UdfType } from "../../runtime/types.js";
import type { Document } from "../../database/types.js";
import { scanTable, type PlatformCallContext, type PlatformDatabase, type PlatformTransaction } from "../ports.js";
import { addressPath, callPath, canonicalJobName } from "./job-names.js";

export const SCHEDULED_FUNCTIONS_TABLE = "_scheduled_functions";
export const MAX_JOBS_PER_MUTATION = 1000;
const FIVE_YEARS_MS = 5 * 365 * 24 * 60 * 60 * 1000;
const RESULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const CODE_WAIT_MS = 50;
const INTERRUPTED_ACTION =
  "The action was interrupted because the sandbox restarted while it ran. Scheduled actions run at most once, so it was not retried.";

export type JobState =
  | { kind: "pending" }
  | { kind: "inProgress" }
  | { kind: "success" }
  | { kind: "failed"; error: string }
  | { kind: "canceled" };

export interface ScheduledRun {
  /** `dir/file:fn`. */
  path: string;
  /** The args object (convex_encoded_json). */
  args: JSONValue;
  udfType: "mutation" | "action";
  scheduledJobId: string;
  /** Mutations: run inside the mutation's transaction just before it commits (and on each OCC retry). */
  beforeCommit?: (tx: PlatformTransaction) => void;
}

export interface SchedulerOptions {
  db: PlatformDatabase;
  /** Runs a scheduled function (internal functions allowed, no identity). */
  run: (job: ScheduledRun) => Promise<CallOutcome>;
  /** The type of the function at `dir/file:fn` in the current push, or null when there is none. */
  functionType: (path: string) => UdfType | null;
  /** True when the current push has a module at `dir/file` (any extension), whether or not it exports functions. */
  moduleExists: (modulePath: string) => boolean;
  /** False until the deployment's first push is live; due jobs wait for it (e.g. right after a restart). */
  codeLoaded: () => boolean;
  now?: () => number;
}

/** Thrown inside `beforeCommit` when the job was canceled while its mutation ran. */
class JobNoLongerPending extends Error {}

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly scheduledPerTx = new WeakMap<PlatformTransaction, number>();
  private readonly now: () => number;
  private unsubscribe: (() => void) | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: SchedulerOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Re-arms pending jobs, fails actions a restart interrupted, and follows commits. Call after the database loaded. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.opts.db.onCommit((commit) => {
      for (const w of commit.writes) {
        if (w.table !== SCHEDULED_FUNCTIONS_TABLE) continue;
        const state = (w.after?.state as JobState | undefined)?.kind;
        if (state === "pending") this.arm(w.id, w.after!.scheduledTime as number);
        else this.disarm(w.id);
      }
    });
    const tx = this.opts.db.begin();
    const interrupted: string[] = [];
    for (const job of scanTable(tx, SCHEDULED_FUNCTIONS_TABLE)) {
      const kind = (job.state as JobState).kind;
      if (kind === "pending") this.arm(job._id, job.scheduledTime as number);
      else if (kind === "inProgress" && !this.running.has(job._id)) interrupted.push(job._id);
    }
    for (const id of interrupted) this.finish(id, { kind: "failed", error: INTERRUPTED_ACTION }, ["inProgress"]);
    this.sweep();
    this.sweepTimer = setInterval(() => this.sweep(), 60 * 60 * 1000);
    this.sweepTimer.unref?.();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }

  /** Jobs armed to run or running now. */
  pendingJobs(): number {
    return this.timers.size + this.running.size;
  }

  /** Resolves once no scheduled job is running (tests and benchmarks). */
  async idle(): Promise<void> {
    if (this.running.size === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  // ------------------------------------------------------------ syscalls

  /** `1.0/schedule` (mutations) and `1.0/actions/schedule` (actions). Returns the job ID. */
  schedule(ctx: PlatformCallContext, args: Record<string, unknown>): string {
    if (ctx.udfType === "query") throw new Error("Cannot schedule functions from a query.");
    const path = addressPath(args);
    const name = canonicalJobName(path);
    const type = this.opts.functionType(callPath(path));
    if (type === "query") throw new Error(`Attempted to schedule function at nonexistent path: ${name}`);
    if (type === null) {
      // Convex's two texts (crates/udf/src/validation.rs): no such module, or no such export in it.
      const [module, exportName] = name.split(":");
      if (!this.opts.moduleExists(module.replace(/\.js$/, ""))) {
        throw new Error(`Attempted to schedule function at nonexistent path: ${module}`);
      }
      throw new Error(
        `Attempted to schedule function, but no exported function ${exportName} found in the file: ${module}. Did you forget to export it?`,
      );
    }
    const ts = args.ts;
    if (typeof ts !== "number" || !Number.isFinite(ts)) throw new Error("Invalid scheduled time: `ts` must be a finite number of seconds.");
    const scheduledTime = ts * 1000;
    if (scheduledTime > this.now() + FIVE_YEARS_MS) throw new Error(`${ts} is more than 5 years in the future`);
    const jobArgs = args.args === undefined ? {} : (args.args as JSONValue);
    if (typeof jobArgs !== "object" || jobArgs === null || Array.isArray(jobArgs)) {
      throw new Error("The arguments of a scheduled function must be an object.");
    }

    const own = ctx.tx === null;
    const tx = ctx.tx ?? this.opts.db.begin();
    const count = (this.scheduledPerTx.get(tx) ?? 0) + 1;
    if (count > MAX_JOBS_PER_MUTATION) {
      throw new Error(`Too many functions scheduled by this mutation (limit: ${MAX_JOBS_PER_MUTATION}).`);
    }
    this.scheduledPerTx.set(tx, count);
    // A job whose parent was canceled while running still gets recorded, but never runs.
    const parentCanceled = ctx.scheduledJobId !== null && this.jobState(tx, ctx.scheduledJobId)?.kind === "canceled";
    const doc: Record<string, JSONValue> = {
      name,
      args: [jobArgs],
      scheduledTime,
      state: parentCanceled ? { kind: "canceled" } : { kind: "pending" },
    };
    if (parentCanceled) doc.completedTime = this.now();
    const id = tx.systemInsert(SCHEDULED_FUNCTIONS_TABLE, doc as never);
    if (own) this.opts.db.commit(tx);
    return id;
  }

  /** `1.0/cancel_job` and `1.0/actions/cancel_job`. */
  cancel(ctx: PlatformCallContext, args: Record<string, unknown>): null {
    if (ctx.udfType === "query") throw new Error("Cannot cancel scheduled functions from a query.");
    const own = ctx.tx === null;
    const tx = ctx.tx ?? this.opts.db.begin();
    const id = typeof args.id === "string" ? tx.normalizeId(SCHEDULED_FUNCTIONS_TABLE, args.id) : null;
    if (id === null) {
      throw new Error(`Invalid argument \`id\` for \`scheduler.cancel\`: ${JSON.stringify(args.id)} is not an Id<"_scheduled_functions">.`);
    }
    if (ctx.udfType === "mutation" && id === ctx.scheduledJobId) throw new Error("A mutation cannot cancel itself");
    const state = this.jobState(tx, id);
    if (state && (state.kind === "pending" || state.kind === "inProgress")) {
      tx.systemPatch(id, { state: { kind: "canceled" }, completedTime: this.now() });
      if (own) this.opts.db.commit(tx);
    }
    return null;
  }

  // ------------------------------------------------------------ running jobs

  private arm(id: string, scheduledTime: number): void {
    this.disarm(id);
    const delay = Math.max(0, scheduledTime - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(id);
      if (scheduledTime > this.now()) return this.arm(id, scheduledTime);
      void this.execute(id);
    }, Math.min(delay, MAX_TIMER_MS));
    timer.unref?.();
    this.timers.set(id, timer);
  }

  private disarm(id: string): void {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
  }

  private async execute(id: string): Promise<void> {
    if (this.running.has(id)) return;
    const job = this.opts.db.begin().get(id, { isSystem: true });
    if (!job || (job.state as JobState).kind !== "pending") return;
    if (!this.opts.codeLoaded()) return this.arm(id, this.now() + CODE_WAIT_MS);
    this.running.add(id);
    try {
      const path = callPath(job.name as string);
      const type = this.opts.functionType(path);
      const args = (job.args as JSONValue[])[0] ?? {};
      if (type === "mutation") await this.runMutation(id, path, args);
      else if (type === "action") await this.runAction(id, path, args);
      else this.finish(id, { kind: "failed", error: `Could not find function for '${job.name as string}': it is no longer deployed.` }, ["pending"]);
    } catch (e) {
      this.finish(id, { kind: "failed", error: e instanceof Error ? e.message : String(e) }, ["pending", "inProgress"]);
    } finally {
      this.running.delete(id);
      if (this.running.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private async runMutation(id: string, path: string, args: JSONValue): Promise<void> {
    let canceledMeanwhile = false;
    const outcome = await this.opts.run({
      path,
      args,
      udfType: "mutation",
      scheduledJobId: id,
      beforeCommit: (tx) => {
        if (this.jobState(tx, id)?.kind !== "pending") {
          canceledMeanwhile = true;
          throw new JobNoLongerPending("The scheduled job was canceled while it ran.");
        }
        tx.systemPatch(id, { state: { kind: "success" }, completedTime: this.now() });
      },
    });
    if (outcome.status === "error" && !canceledMeanwhile) {
      this.finish(id, { kind: "failed", error: outcome.errorMessage ?? "Unknown error" }, ["pending"]);
    }
  }

  private async runAction(id: string, path: string, args: JSONValue): Promise<void> {
    if (!this.finish(id, { kind: "inProgress" }, ["pending"], false)) return;
    const outcome = await this.opts.run({ path, args, udfType: "action", scheduledJobId: id });
    const state: JobState = outcome.status === "success" ? { kind: "success" } : { kind: "failed", error: outcome.errorMessage ?? "Unknown error" };
    this.finish(id, state, ["inProgress"]);
  }

  /** Moves a job to `state` if it is in one of `from`; returns whether it did. */
  private finish(id: string, state: JobState, from: Array<JobState["kind"]>, completed = true): boolean {
    for (let attempt = 0; attempt < 5; attempt++) {
      const tx = this.opts.db.begin();
      const current = this.jobState(tx, id);
      if (!current || !from.includes(current.kind)) return false;
      tx.systemPatch(id, completed ? { state, completedTime: this.now() } : { state });
      try {
        this.opts.db.commit(tx);
        return true;
      } catch (e) {
        if (!(e instanceof Error && e.name === "WriteConflictError")) throw e;
      }
    }
    return false;
  }

  private jobState(tx: PlatformTransaction, id: string): JobState | null {
    const doc: Document | null = tx.get(id, { isSystem: true });
    return doc ? (doc.state as JobState) : null;
  }

  /** Deletes finished jobs older than Convex's 7-day retention. */
  private sweep(): void {
    const cutoff = this.now() - RESULT_RETENTION_MS;
    const tx = this.opts.db.begin();
    let deleted = 0;
    for (const job of scanTable(tx, SCHEDULED_FUNCTIONS_TABLE)) {
      if (typeof job.completedTime === "number" && job.completedTime < cutoff) {
        tx.systemDelete(job._id);
        if (++deleted >= 1000) break;
      }
    }
    if (deleted === 0) return;
    try {
      this.opts.db.commit(tx);
    } catch {
      // A concurrent commit touched the table; the next sweep retries.
    }
  }
}
