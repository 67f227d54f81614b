/**
 * One `node:vm` context holding the environment prelude and the functions
 * bundle, and the calls currently running in it.
 *
 * The context runs with `microtaskMode: "afterEvaluate"`: promise jobs queued
 * inside it only run at the end of an evaluation, and count against that
 * evaluation's timeout. Every async syscall result is therefore delivered by a
 * short timed evaluation (`__convexFlush()`), so a runaway loop after an
 * `await` is stopped by the call's budget just like one before it.
 *
 * Host objects in the context (Request, Response, Blob, crypto.subtle) settle
 * their promises outside any evaluation; while calls are running, a pump
 * evaluates an empty flush (after 1 ms, then backing off to every 32 ms) so
 * their continuations run too.
 */
import vm from "node:vm";
import type { SyscallHost, UserCodeError } from "../types.ts";
import {
  ENVIRONMENT_PRELUDE,
  PRELUDE_FILENAME,
  errorEnvelope,
  hostAsyncSyscall,
  hostImmediateSyscall,
  hostSyscall,
  parseInvokeEnvelope,
  successEnvelope,
  type HostBridge,
  type ImportDescription,
  type InvokeHttpMessage,
  type InvokeMessage,
} from "../environment/index.ts";
import type { StackMapper } from "./stackTrace.ts";

/** Budget for evaluating the bundle's top-level code (import time). */
const IMPORT_TIMEOUT_MS = 5_000;

let preludeScript: vm.Script | null = null;
const FLUSH = new vm.Script("__convexFlush()");
const INVOKE = new vm.Script("__convexRuntime.invoke(__convexCall)");
const INVOKE_HTTP = new vm.Script("__convexRuntime.invokeHttp(__convexCall)");
const FINISH_IMPORT = new vm.Script("__convexRuntime.finishImport()");
const DEFERRED = "(function () { let resolve; const promise = new Promise((r) => { resolve = r; }); return { promise, resolve }; })";

interface ActiveCall {
  host: SyscallHost;
  budgetMs: number;
  usedMs: number;
  fail(error: UserCodeError): void;
}

interface Deferred {
  promise: Promise<string>;
  resolve(value: string): void;
}

/** Host objects the context may use (the prelude wraps or replaces some). */
function hostGlobals(): Record<string, unknown> {
  const g = globalThis as Record<string, unknown>;
  const names = [
    "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "Headers", "Request", "Response", "Blob", "File",
    "FormData", "AbortController", "AbortSignal", "ReadableStream", "WritableStream", "TransformStream",
    "Event", "EventTarget", "atob", "btoa", "structuredClone",
  ];
  const out: Record<string, unknown> = {};
  for (const name of names) if (g[name] !== undefined) out[name] = g[name];
  out.__convexHostCrypto = g.crypto;
  return out;
}

export function wallClockMessage(limitMs: number): string {
  return `Function execution did not finish within ${limitMs / 1000}s: it is waiting for a promise that never settles.`;
}

/**
 * Convex's text for a function past its time limit (`UserTimeoutError` in
 * crates/isolate/src/termination.rs), the limit printed the way Rust prints a
 * `Duration`: "1s", "1.5s", "300ms".
 */
export function timeoutMessage(budgetMs: number): string {
  return `Function execution timed out (maximum duration: ${formatDuration(budgetMs)})`;
}

/** Rust's `{:?}` of a `Duration` given in milliseconds. */
export function formatDuration(ms: number): string {
  const trim = (n: number) => String(Number(n.toFixed(9)));
  if (ms >= 1000) return `${trim(ms / 1000)}s`;
  if (ms >= 1) return `${trim(ms)}ms`;
  if (ms >= 0.001) return `${trim(ms * 1000)}µs`;
  return `${Math.round(ms * 1e6)}ns`;
}

function isTimeout(error: unknown): boolean {
  return (error as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
}

export class ContextRunner {
  private readonly context: vm.Context;
  private readonly makeDeferred: () => Deferred;
  private readonly calls: ActiveCall[] = [];
  private pending: Array<() => void> = [];
  private flushQueued = false;
  private timers = new Set<NodeJS.Timeout>();
  private pump: NodeJS.Timeout | null = null;
  dead = false;

  constructor(
    private readonly bundleScript: vm.Script,
    private readonly mapper: StackMapper,
  ) {
    const globals = hostGlobals();
    globals.__convexHost = this.bridge();
    globals.__convexFlush = () => {
      const list = this.pending;
      this.pending = [];
      for (const deliver of list) deliver();
    };
    this.context = vm.createContext(globals, { microtaskMode: "afterEvaluate", name: "convex functions" });
    this.makeDeferred = vm.runInContext(DEFERRED, this.context) as () => Deferred;
  }

  /** Evaluates the prelude and the bundle; returns what the modules export. Throws UserCodeError. */
  load(): ImportDescription {
    preludeScript ??= new vm.Script(ENVIRONMENT_PRELUDE, { filename: PRELUDE_FILENAME });
    try {
      preludeScript.runInContext(this.context);
      this.bundleScript.runInContext(this.context, { timeout: IMPORT_TIMEOUT_MS });
      return JSON.parse(FINISH_IMPORT.runInContext(this.context) as string) as ImportDescription;
    } catch (e) {
      throw this.importError(e);
    }
  }

  private importError(e: unknown): UserCodeError {
    if (isTimeout(e)) return { message: timeoutMessage(IMPORT_TIMEOUT_MS) + " while loading modules", terminated: true };
    const err = e as { name?: string; message?: string; stack?: string };
    const thrown = {
      name: typeof err?.name === "string" ? err.name : null,
      message: typeof err?.message === "string" ? err.message : String(e),
      stack: typeof err?.stack === "string" ? err.stack : "",
    };
    const at = this.mapper.firstUserFrame(thrown.stack);
    return { message: this.mapper.format(thrown), ...(at ? { location: at } : {}) };
  }

  invoke(message: InvokeMessage, host: SyscallHost): Promise<string> {
    return this.start(INVOKE, JSON.stringify(message), host, message.env.timeoutMs, message.env.wallClockMs);
  }

  invokeHttp(message: InvokeHttpMessage, host: SyscallHost): Promise<string> {
    return this.start(INVOKE_HTTP, JSON.stringify(message), host, message.env.timeoutMs, message.env.wallClockMs);
  }

  dispose(): void {
    this.dead = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.pump) clearTimeout(this.pump);
    this.pump = null;
  }

  /** Keeps running the context's microtasks while calls are active (see the header comment). */
  private startPump(): void {
    if (this.pump) clearTimeout(this.pump);
    let delay = 1;
    const tick = () => {
      this.pump = null;
      if (this.dead || this.calls.length === 0) return;
      try {
        this.evaluate(FLUSH);
      } catch {
        // A timeout already failed the calls.
      }
      delay = Math.min(delay * 2, 32);
      if (!this.dead && this.calls.length > 0) this.pump = setTimeout(tick, delay);
    };
    this.pump = setTimeout(tick, delay);
  }

  private start(script: vm.Script, callJson: string, host: SyscallHost, budgetMs: number, wallClockMs?: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      if (this.dead) return reject({ message: "The function environment was stopped.", terminated: true });
      let wallClock: NodeJS.Timeout | null = null;
      const call: ActiveCall = { host, budgetMs, usedMs: 0, fail: reject };
      const finish = () => {
        if (wallClock) clearTimeout(wallClock);
        const i = this.calls.indexOf(call);
        if (i !== -1) this.calls.splice(i, 1);
      };
      if (wallClockMs !== undefined) {
        wallClock = setTimeout(() => {
          if (this.calls.includes(call)) this.terminate({ message: wallClockMessage(wallClockMs), terminated: true });
        }, wallClockMs);
      }
      this.calls.push(call);
      this.startPump();
      this.context.__convexCall = callJson;
      let promise: Promise<string>;
      try {
        promise = this.evaluate(script) as Promise<string>;
      } catch (e) {
        finish();
        return reject(e);
      }
      promise.then((envelope) => {
        finish();
        const outcome = parseInvokeEnvelope(envelope);
        if (outcome.ok) return resolve(outcome.value);
        const { name, message } = outcome.thrown;
        const error: UserCodeError = { message: this.mapper.format(outcome.thrown), thrown: { name, message } };
        if (outcome.thrown.errorData !== undefined) error.errorData = outcome.thrown.errorData;
        reject(error);
      });
    });
  }

  /** Runs a script under the innermost call's remaining budget. Throws UserCodeError on timeout. */
  private evaluate(script: vm.Script): unknown {
    const call = this.calls[this.calls.length - 1];
    const timeout = call ? Math.max(1, Math.ceil(call.budgetMs - call.usedMs)) : IMPORT_TIMEOUT_MS;
    const started = performance.now();
    try {
      return script.runInContext(this.context, { timeout });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      const error: UserCodeError = { message: timeoutMessage(call ? call.budgetMs : timeout), terminated: true };
      this.terminate(error);
      throw error;
    } finally {
      if (call) call.usedMs += performance.now() - started;
    }
  }

  /** Ends every call in the context; the context is unusable afterwards. */
  private terminate(error: UserCodeError): void {
    const calls = this.calls.splice(0);
    this.dispose();
    for (const call of calls) call.fail(error);
  }

  private deliver(fn: () => void): void {
    this.pending.push(fn);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (this.dead) return;
      try {
        this.evaluate(FLUSH);
      } catch {
        // A timeout already failed the calls; other errors surface through the calls' own promises.
      }
    });
  }

  private top(): ActiveCall | undefined {
    return this.calls[this.calls.length - 1];
  }

  private bridge(): HostBridge {
    return {
      syscall: (op, argsJson) => hostSyscall(this.top()?.host, op, argsJson),
      // Host-synchronous ops resolve within this evaluation: no extra round trip.
      immediateSyscall: (op, argsJson) => hostImmediateSyscall(this.top()?.host, op, argsJson),
      asyncSyscall: (op, argsJson) => {
        const host = this.top()?.host;
        const deferred = this.makeDeferred();
        const result = hostAsyncSyscall(host, op, argsJson, (ms) => this.sleep(ms));
        result.then(successEnvelope, errorEnvelope).then((envelope) => this.deliver(() => deferred.resolve(envelope)));
        return deferred.promise;
      },
      log: (level, message) => {
        this.top()?.host.log(level, message);
      },
    };
  }

  private sleep(ms: number): Promise<string> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve("null");
      }, ms);
      this.timers.add(timer);
    });
  }
}
