/**
 * Charges each call for the CPU time its isolate spends running it.
 *
 * JavaScript only runs in an isolate during an *entry*: an async
 * `apply`/`run` from the host (a call's start, a batch of async syscall
 * results), each followed by its microtask checkpoint. isolated-vm runs one
 * isolate's entries one after another, in the order they were made, on a
 * thread of its own, so the CPU time the isolate gains (`isolate.cpuTime`)
 * belongs to the oldest entry still in flight. While any entry is in flight
 * the meter reads the clock every few milliseconds, charges the delta to
 * that entry's call, and reports a call whose charge passes its budget, so a
 * synchronous infinite loop is caught while the isolate thread spins.
 *
 * Time spent waiting (async syscalls, `fetch`, a busy host, the thread being
 * descheduled on a loaded machine) is not CPU time of the isolate and is
 * never charged.
 */
import type ivm from "isolated-vm";

/** A call as the meter sees it: its CPU charge so far and its budget, ms. */
export interface MeteredCall {
  cpuMs: number;
  budgetMs: number;
  /** Settled calls are no longer checked against their budget. */
  finished: boolean;
}

interface Entry {
  call: MeteredCall | null;
}

/** How often the clock is read while an entry runs, ms. */
const POLL_MS = 5;

export class CpuMeter {
  private readonly inFlight: Entry[] = [];
  private lastNs = 0n;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly isolate: ivm.Isolate,
    /** Called (once per check) with a call whose charge passed its budget. */
    private readonly onOverrun: (call: MeteredCall) => void,
  ) {}

  /** Tracks one entry into the isolate made on behalf of `call` (null: module loading). */
  track<T>(call: MeteredCall | null, entry: Promise<T>): Promise<T> {
    const tracked: Entry = { call };
    if (this.inFlight.length === 0) this.lastNs = this.readNs();
    this.inFlight.push(tracked);
    this.poll ??= setInterval(() => this.check(), POLL_MS);
    const settle = () => {
      this.charge(tracked);
      const i = this.inFlight.indexOf(tracked);
      if (i !== -1) this.inFlight.splice(i, 1);
      if (this.inFlight.length === 0) this.stop();
      this.checkBudget(tracked.call);
    };
    entry.then(settle, settle);
    return entry;
  }

  /** True while an entry made for `call` has not finished. */
  running(call: MeteredCall): boolean {
    return this.inFlight.some((entry) => entry.call === call);
  }

  stop(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  private check(): void {
    const head = this.inFlight[0];
    if (!head) return this.stop();
    this.charge(head);
    this.checkBudget(head.call);
  }

  private charge(entry: Entry): void {
    const now = this.readNs();
    const deltaMs = Number(now - this.lastNs) / 1e6;
    this.lastNs = now;
    if (entry.call && deltaMs > 0) entry.call.cpuMs += deltaMs;
  }

  private checkBudget(call: MeteredCall | null): void {
    if (call && !call.finished && call.cpuMs > call.budgetMs) this.onOverrun(call);
  }

  private readNs(): bigint {
    if (this.isolate.isDisposed) return this.lastNs;
    try {
      return this.isolate.cpuTime;
    } catch {
      return this.lastNs;
    }
  }
}
