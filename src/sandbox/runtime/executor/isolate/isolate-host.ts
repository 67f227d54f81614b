/**
 * One V8 isolate (`isolated-vm`) with a memory cap, plus the compiled
 * scripts every context in it evaluates: web globals, the Convex environment
 * prelude and the functions bundle, and the meter charging the isolate's CPU
 * time to its calls. When a call uses more CPU time than its budget the
 * isolate is disposed (the only way to stop a runaway loop for sure); the
 * next call creates a fresh one.
 */
import { createHash } from "node:crypto";
import ivm from "isolated-vm";
import { BUNDLE_FILENAME } from "../../bundler/index.ts";
import { ENVIRONMENT_PRELUDE, PRELUDE_FILENAME } from "../../environment/index.ts";
import type { Bundle } from "../../types.ts";
import { timeoutMessage } from "../contextRunner.ts";
import { CpuMeter, type MeteredCall } from "./cpu-meter.ts";
import { webGlobalsScript } from "./web-globals.ts";

export interface IsolateLimits {
  memoryMb: number;
}

/**
 * Why an isolate was disposed, for the calls that were running in it. A
 * time limit names the call that ran past it (null: module loading); the
 * other calls in the isolate were only stopped along with it.
 */
export type DeathCause =
  | { kind: "timeout"; message: string; culprit: MeteredCall | null }
  | { kind: "memory"; memoryMb: number }
  | { kind: "disposed" };

/** V8 code caches by source hash (the environment scripts, and recent bundles). */
const CODE_CACHE = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();
const CODE_CACHE_ENTRIES = 256;

export class IsolateHost {
  readonly isolate: ivm.Isolate;
  readonly meter: CpuMeter;
  private scripts: Promise<{ globals: ivm.Script; prelude: ivm.Script; bundle: ivm.Script }> | null = null;
  private deathCause: DeathCause | null = null;
  private readonly deathListeners = new Set<(cause: DeathCause) => void>();

  constructor(
    private readonly bundle: Bundle,
    private readonly limits: IsolateLimits,
  ) {
    this.isolate = new ivm.Isolate({
      memoryLimit: limits.memoryMb,
      onCatastrophicError: () => this.kill({ kind: "memory", memoryMb: limits.memoryMb }),
    });
    this.meter = new CpuMeter(this.isolate, (call) =>
      this.kill({ kind: "timeout", message: timeoutMessage(call.budgetMs), culprit: call }),
    );
  }

  get dead(): boolean {
    return this.deathCause !== null || this.isolate.isDisposed;
  }

  get cause(): DeathCause | null {
    if (this.deathCause) return this.deathCause;
    if (this.isolate.isDisposed) return { kind: "memory", memoryMb: this.limits.memoryMb };
    return null;
  }

  /** Called once when the isolate dies, with the reason. */
  onDeath(listener: (cause: DeathCause) => void): () => void {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }

  compiled(): Promise<{ globals: ivm.Script; prelude: ivm.Script; bundle: ivm.Script }> {
    this.scripts ??= (async () => {
      const globals = await this.compile(await webGlobalsScript(), "web-globals.js");
      const prelude = await this.compile(ENVIRONMENT_PRELUDE, PRELUDE_FILENAME);
      const bundle = await this.compile(this.bundle.code, BUNDLE_FILENAME);
      return { globals, prelude, bundle };
    })();
    return this.scripts;
  }

  /** Compiles with V8's code cache, shared by every isolate of the process for the same source. */
  private async compile(code: string, filename: string): Promise<ivm.Script> {
    const key = createHash("sha1").update(filename).update("\0").update(code).digest("hex");
    const cachedData = CODE_CACHE.get(key);
    const script = (await this.isolate.compileScript(
      code,
      cachedData ? { filename, cachedData } : { filename, produceCachedData: true },
    )) as ivm.Script & ivm.CachedDataResult & { cachedDataRejected?: boolean };
    if (!cachedData && script.cachedData) {
      CODE_CACHE.set(key, script.cachedData);
      if (CODE_CACHE.size > CODE_CACHE_ENTRIES) CODE_CACHE.delete(CODE_CACHE.keys().next().value!);
    } else if (cachedData && script.cachedDataRejected) {
      CODE_CACHE.delete(key);
    }
    return script;
  }

  /** Disposes the isolate, failing every call running in it. */
  kill(cause: DeathCause): void {
    if (this.deathCause) return;
    this.deathCause = cause;
    this.meter.stop();
    if (!this.isolate.isDisposed) {
      try {
        this.isolate.dispose();
      } catch {
        // already gone
      }
    }
    for (const listener of [...this.deathListeners]) listener(cause);
    this.deathListeners.clear();
  }

  /** Heap in use, bytes (for the benchmark's memory-per-sandbox figure). */
  heapBytes(): number {
    if (this.dead) return 0;
    const stats = this.isolate.getHeapStatisticsSync();
    return stats.used_heap_size + stats.externally_allocated_size;
  }
}
