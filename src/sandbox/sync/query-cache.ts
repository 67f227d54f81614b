/**
 * Results of subscribed queries shared across a deployment's sync sessions:
 * when a commit invalidates a query that many clients watch with the same
 * arguments and identity, it runs once and every session reuses the result.
 * A cached result stays usable while no commit touches its read set. The
 * HTTP API's queries at the latest timestamp share the same results.
 *
 * As in Convex's query cache, only successful results are kept (a failed run
 * is shared only with callers that asked while it ran), and a result is
 * served for at most MAX_CACHE_AGE_MS after it was computed: Convex applies
 * that age limit to results that read the clock, and this runtime does not
 * record which did, so it applies to all.
 */
import type { ReadSet, Timestamp } from "../database/types.js";
import type { UserIdentity } from "convex/server";
import type { CallOutcome, JSONValue } from "../runtime/types.js";
import type { CommitFeed } from "./commit-feed.js";

/** Convex's `MAX_CACHE_AGE` for time-dependent results (application/src/cache). */
export const MAX_CACHE_AGE_MS = 5000;

interface Entry {
  outcome: CallOutcome;
  /** performance.now() when the result was computed. */
  computedAt: number;
  requestId: string;
  readSet: ReadSet | undefined;
  validAt: Timestamp;
  epoch: number;
}

export interface CachedResult {
  outcome: CallOutcome;
  /** The request that produced the outcome (named in its error message). */
  requestId: string;
  /** The result is known valid at this timestamp. */
  validAt: Timestamp;
}

/** The cache key of a query call: the same function, arguments, journal and caller share one result. */
export function queryCacheKey(
  path: string,
  args: JSONValue,
  journal: string | null,
  identity: UserIdentity | null,
  allowInternal: boolean,
): string {
  return JSON.stringify([path, args, journal, identity, allowInternal]);
}

export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, { epoch: number; promise: Promise<CachedResult> }>();

  constructor(
    private readonly feed: CommitFeed,
    private readonly maxEntries = 256,
  ) {}

  /**
   * A result for `key` valid at `target`: a cached one, the one a run already
   * under way produces (when it is still valid at `target`), or else the
   * result of `execute`, run once however many callers ask at the same time.
   */
  async get(
    key: string,
    target: Timestamp,
    execute: () => Promise<{ outcome: CallOutcome; requestId: string }>,
  ): Promise<CachedResult> {
    const entry = this.entries.get(key);
    if (entry && entry.epoch === this.feed.epoch && performance.now() - entry.computedAt <= MAX_CACHE_AGE_MS) {
      if (entry.validAt >= target || this.feed.stillValid(entry.readSet, entry.validAt, target)) {
        if (entry.validAt < target) entry.validAt = target;
        this.entries.delete(key);
        this.entries.set(key, entry);
        return { outcome: entry.outcome, requestId: entry.requestId, validAt: entry.validAt };
      }
    }
    const running = this.inflight.get(key);
    if (running && running.epoch === this.feed.epoch) {
      const result = await running.promise;
      if (result.validAt >= target) return result;
      if (running.epoch === this.feed.epoch && this.feed.stillValid(result.outcome.readSet, result.validAt, target)) {
        return { ...result, validAt: target };
      }
      // A commit after that run began changed what it read: ask again (a run
      // started from now on reads at `target` or later).
      return this.get(key, target, execute);
    }
    return this.run(key, execute);
  }

  private async run(key: string, execute: () => Promise<{ outcome: CallOutcome; requestId: string }>): Promise<CachedResult> {
    const epoch = this.feed.epoch;
    const startTs = this.feed.latestTs();
    const computedAt = performance.now();
    const promise = execute().then(({ outcome, requestId }) => {
      const validAt = outcome.ts > 0n ? outcome.ts : startTs;
      this.entries.delete(key);
      if (this.feed.epoch === epoch && outcome.status === "success") {
        this.entries.set(key, { outcome, computedAt, requestId, readSet: outcome.readSet, validAt, epoch });
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      }
      return { outcome, requestId, validAt };
    });
    const running = { epoch, promise };
    this.inflight.set(key, running);
    try {
      return await promise;
    } finally {
      if (this.inflight.get(key) === running) this.inflight.delete(key);
    }
  }
}
