/**
 * A deployment's recent commits, kept so that sync sessions can tell whether
 * a subscribed query's result, known valid at one timestamp, is still valid
 * at a later one (no commit in between touched its read set).
 */
import type { Commit, ReadSet, Timestamp } from "../database/types.js";
import type { Deployment } from "../runtime/types.js";

export class CommitFeed {
  private readonly commits: Commit[] = [];
  /** Every commit with ts <= this has been dropped from the buffer (or predates the feed). */
  private droppedThrough: Timestamp;
  private readonly listeners = new Set<() => void>();
  /** Bumped when every result must be recomputed (data reset). */
  epoch = 0;
  private readonly unsubscribe: () => void;
  /**
   * The last answer of `stillValid`. After a commit every session that shows
   * one shared result (QueryCache) asks the same question about it.
   */
  private lastAnswer: { readSet: ReadSet; from: Timestamp; to: Timestamp; valid: boolean } | null = null;

  constructor(
    private readonly deployment: Deployment,
    private readonly maxBuffered = 1024,
  ) {
    this.droppedThrough = deployment.latestTs();
    this.unsubscribe = deployment.onCommit((commit) => this.onCommit(commit));
  }

  latestTs(): Timestamp {
    const last = this.commits.length > 0 ? this.commits[this.commits.length - 1].ts : this.droppedThrough;
    const latest = this.deployment.latestTs();
    return latest > last ? latest : last;
  }

  /** Called (synchronously) after every commit. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Whether a result that read `readSet` and was valid at `from` is still
   * valid at `to`. Unknown (commits already dropped, or no read set) counts
   * as invalid, so the caller re-runs the query.
   */
  stillValid(readSet: ReadSet | undefined, from: Timestamp, to: Timestamp): boolean {
    if (to <= from) return true;
    if (from < this.droppedThrough) return false;
    const last = this.lastAnswer;
    if (last && last.readSet === readSet && last.from === from && last.to === to) return last.valid;
    const valid = this.noOverlap(readSet, from, to);
    // The commits in (from, to] are all known and stay as they are, so the answer does too.
    if (readSet) this.lastAnswer = { readSet, from, to, valid };
    return valid;
  }

  private noOverlap(readSet: ReadSet | undefined, from: Timestamp, to: Timestamp): boolean {
    for (let i = this.firstAfter(from); i < this.commits.length; i++) {
      const commit = this.commits[i];
      if (commit.ts > to) break;
      if (commit.writes.length === 0) continue;
      if (!readSet) return false;
      if (this.deployment.readSetOverlaps(readSet, commit)) return false;
    }
    return true;
  }

  /** Index of the first buffered commit with ts > `ts` (the buffer is in ts order). */
  private firstAfter(ts: Timestamp): number {
    let low = 0;
    let high = this.commits.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.commits[mid].ts <= ts) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** After a data reset: every subscribed result is stale whatever its read set. */
  invalidateAll(): void {
    this.epoch++;
    this.lastAnswer = null;
    this.notify();
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private onCommit(commit: Commit): void {
    if (this.listeners.size === 0) {
      // Nobody follows this deployment live: keep no history (cached results just re-run).
      this.commits.length = 0;
      this.droppedThrough = commit.ts;
      return;
    }
    this.commits.push(commit);
    if (this.commits.length > this.maxBuffered) {
      const dropped = this.commits.splice(0, this.commits.length - this.maxBuffered);
      this.droppedThrough = dropped[dropped.length - 1].ts;
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (e) {
        console.error("Commit listener failed:", e);
      }
    }
  }
}
