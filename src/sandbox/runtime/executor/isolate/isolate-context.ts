/**
 * One context inside an isolate, holding the web globals, the Convex
 * environment prelude and the functions bundle, and the calls running in it.
 *
 * Only strings cross the boundary. The prelude's host bridge is made of host
 * callbacks: a synchronous `syscall`; `immediate(op, args)`, which answers an
 * async op whose host side is synchronous (every `ctx.db` call) within the
 * same entry; `asyncStart(id, op, args)` for the others, whose result the host
 * later hands back through `__convexDeliver`; and `log`. A
 * call starts with a short entry (`__convexStart`) and reports its result
 * through the `done` callback, so that every entry into the isolate is short
 * and the isolate's meter (cpu-meter.ts) can charge each call for the CPU
 * time its entries use. A call past its CPU budget disposes the isolate.
 *
 * A generous wall-clock limit backs this up: it ends a call whose promise
 * never settles (it would hold the deployment's query/mutation turn forever)
 * and is each entry's isolated-vm `timeout`, in case the host's clock checks
 * could not run. For actions it is the action's time limit itself: as on
 * Convex, an action's time counts its waiting too.
 */
import { randomBytes } from "node:crypto";
import ivm from "isolated-vm";
import {
  errorEnvelope,
  hostAsyncSyscall,
  hostImmediateSyscall,
  hostSyscall,
  parseInvokeEnvelope,
  successEnvelope,
  type ImportDescription,
  type InvokeHttpMessage,
  type InvokeMessage,
  type ThrownInfo,
} from "../../environment/index.ts";
import type { CallEnvironment, SyscallHost, UserCodeError } from "../../types.ts";
import type { StackMapper } from "../stackTrace.ts";
import { timeoutMessage, wallClockMessage } from "../contextRunner.ts";
import type { MeteredCall } from "./cpu-meter.ts";
import type { DeathCause, IsolateHost } from "./isolate-host.ts";

/** Wall-clock budget for evaluating the bundle's top-level code (import time). */
const IMPORT_TIMEOUT_MS = 5_000;

const STOPPED = "The function environment was stopped.";
const STOPPED_BY_OTHER =
  "The function environment was stopped because another function running in the same isolate went past its time limit.";

const BOOTSTRAP = `(function () {
  var syscall = __ivmSyscall, immediate = __ivmImmediate, start = __ivmAsyncStart, log = __ivmLog, random = __ivmRandom, done = __ivmDone;
  delete globalThis.__ivmSyscall; delete globalThis.__ivmImmediate; delete globalThis.__ivmAsyncStart; delete globalThis.__ivmLog;
  delete globalThis.__ivmRandom; delete globalThis.__ivmDone;
  var pending = new Map();
  var nextId = 1;
  globalThis.__convexHost = {
    syscall: function (op, args) { return syscall(op, args); },
    immediateSyscall: function (op, args) { return immediate(op, args); },
    asyncSyscall: function (op, args) {
      return new Promise(function (resolve) {
        var id = nextId++;
        pending.set(id, resolve);
        start(id, op, args);
      });
    },
    log: function (level, message) { log(level, message); },
  };
  globalThis.__convexStart = function (callId, http, callJson) {
    var promise;
    try {
      promise = Promise.resolve(http ? __convexRuntime.invokeHttp(callJson) : __convexRuntime.invoke(callJson));
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      function (envelope) { done(callId, envelope, null); },
      function (e) { done(callId, null, String(e && e.message !== undefined ? e.message : e)); },
    );
  };
  globalThis.__convexDeliver = function (batchJson) {
    var batch = JSON.parse(batchJson);
    for (var i = 0; i < batch.length; i++) {
      var resolve = pending.get(batch[i][0]);
      pending.delete(batch[i][0]);
      if (resolve) resolve(batch[i][1]);
    }
  };
  globalThis.__convexHostCrypto = {
    getRandomValues: function (array) {
      var text = atob(random(array.byteLength));
      var bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (var i = 0; i < bytes.length; i++) bytes[i] = text.charCodeAt(i);
      return array;
    },
  };
})();`;

interface ActiveCall extends MeteredCall {
  id: number;
  host: SyscallHost;
  /** Wall-clock limit of the call, waiting included, ms. */
  wallMs: number;
  /** What the call fails with when the wall-clock limit ends it. */
  wallMessage: string;
  startedAt: number;
  watchdog: NodeJS.Timeout | null;
  resolve(resultJson: string): void;
  reject(error: UserCodeError): void;
}

type StartRef = ivm.Reference<(callId: number, http: boolean, callJson: string) => void>;

export class IsolateContext {
  private context: ivm.Context | null = null;
  private deliverRef: ivm.Reference<(batchJson: string) => void> | null = null;
  private startRef: StartRef | null = null;
  private readonly calls: ActiveCall[] = [];
  private nextCallId = 1;
  private queue: Array<{ id: number; envelope: string; call: ActiveCall | undefined }> = [];
  private flushQueued = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stopListening: () => void;
  disposed = false;

  constructor(
    private readonly host: IsolateHost,
    private readonly mapper: StackMapper,
  ) {
    this.stopListening = host.onDeath((cause) => this.failAll(cause));
  }

  /** Creates the context and evaluates globals, prelude and bundle. Rejects with UserCodeError. */
  async load(): Promise<ImportDescription> {
    const { globals, prelude, bundle } = await this.host.compiled();
    const context = await this.host.isolate.createContext();
    this.context = context;
    const jail = context.global;
    await jail.set("global", jail.derefInto());
    await jail.set("__ivmSyscall", new ivm.Callback((op: string, args: string) => this.syscall(op, args)));
    await jail.set("__ivmImmediate", new ivm.Callback((op: string, args: string) => this.immediateSyscall(op, args)));
    await jail.set(
      "__ivmAsyncStart",
      new ivm.Callback((id: number, op: string, args: string) => this.asyncStart(id, op, args), { ignored: true }),
    );
    await jail.set("__ivmLog", new ivm.Callback((level: string, message: string) => this.top()?.host.log(level, message), { ignored: true }));
    await jail.set("__ivmRandom", new ivm.Callback((n: number) => randomBytes(Math.min(65536, Math.max(0, n | 0))).toString("base64")));
    await jail.set(
      "__ivmDone",
      new ivm.Callback((id: number, envelope: string | null, error: string | null) => this.finishCall(id, envelope, error), {
        ignored: true,
      }),
    );
    const timed = { timeout: IMPORT_TIMEOUT_MS };
    const meter = this.host.meter;
    try {
      await meter.track(null, globals.run(context, timed));
      await meter.track(null, context.eval("delete globalThis.global;" + BOOTSTRAP, timed));
      await meter.track(null, prelude.run(context, timed));
      await meter.track(null, bundle.run(context, timed));
      const description = (await meter.track(
        null,
        context.eval("__convexRuntime.finishImport()", { ...timed, copy: true }),
      )) as unknown as string;
      this.deliverRef = (await context.global.get("__convexDeliver", { reference: true })) as ivm.Reference<(b: string) => void>;
      this.startRef = (await context.global.get("__convexStart", { reference: true })) as StartRef;
      return JSON.parse(description) as ImportDescription;
    } catch (e) {
      throw this.importError(e);
    }
  }

  invoke(message: InvokeMessage, host: SyscallHost): Promise<string> {
    return this.start(false, JSON.stringify(message), host, message.env);
  }

  invokeHttp(message: InvokeHttpMessage, host: SyscallHost): Promise<string> {
    return this.start(true, JSON.stringify(message), host, message.env);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopListening();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.deliverRef?.release();
    this.startRef?.release();
    try {
      this.context?.release();
    } catch {
      // isolate already gone
    }
  }

  // ------------------------------------------------------------------ calls

  private start(http: boolean, callJson: string, host: SyscallHost, env: CallEnvironment): Promise<string> {
    const budgetMs = env.timeoutMs;
    const wallMs = Math.max(budgetMs, env.wallClockMs ?? budgetMs);
    // Actions: the wall-clock limit is their time limit (waiting counts, as on Convex).
    const wallMessage = wallMs > budgetMs ? wallClockMessage(wallMs) : timeoutMessage(budgetMs);
    return new Promise<string>((resolve, reject) => {
      if (this.disposed || this.host.dead || !this.context || !this.startRef) {
        return reject({ message: STOPPED, terminated: true } satisfies UserCodeError);
      }
      const call: ActiveCall = {
        id: this.nextCallId++,
        host,
        budgetMs,
        cpuMs: 0,
        finished: false,
        wallMs,
        wallMessage,
        startedAt: performance.now(),
        watchdog: null,
        resolve,
        reject,
      };
      this.calls.push(call);
      call.watchdog = setTimeout(() => {
        call.watchdog = null;
        if (!call.finished) this.host.kill({ kind: "timeout", message: wallMessage, culprit: call });
      }, wallMs);
      const entry = this.startRef.apply(undefined, [call.id, http, callJson], { arguments: { copy: true }, timeout: wallMs });
      this.host.meter.track(call, entry).catch((e: unknown) => this.settle(call, null, this.runtimeError(e, call)));
    });
  }

  /** The `done` callback: the call's promise settled inside the isolate. */
  private finishCall(id: number, envelope: string | null, error: string | null): void {
    const call = this.calls.find((c) => c.id === id);
    if (!call) return;
    if (envelope === null) return this.settle(call, null, { message: error ?? "Unknown error" });
    const outcome = parseInvokeEnvelope(String(envelope));
    if (outcome.ok) return this.settle(call, outcome.value, null);
    const { name, message } = outcome.thrown;
    const failure: UserCodeError = { message: this.mapper.format(outcome.thrown), thrown: { name, message } };
    if (outcome.thrown.errorData !== undefined) failure.errorData = outcome.thrown.errorData;
    this.settle(call, null, failure);
  }

  private settle(call: ActiveCall, resultJson: string | null, error: UserCodeError | null): void {
    if (call.finished) return;
    call.finished = true;
    if (call.watchdog) clearTimeout(call.watchdog);
    const i = this.calls.indexOf(call);
    if (i !== -1) this.calls.splice(i, 1);
    if (error) call.reject(error);
    else call.resolve(resultJson!);
  }

  private top(): ActiveCall | undefined {
    return this.calls[this.calls.length - 1];
  }

  private syscall(op: string, argsJson: string): string {
    return hostSyscall(this.top()?.host, op, String(argsJson));
  }

  /** An async op whose host side is synchronous, answered in the same entry (null: use asyncStart). */
  private immediateSyscall(op: string, argsJson: string): string | null {
    return hostImmediateSyscall(this.top()?.host, op, String(argsJson));
  }

  private asyncStart(id: number, op: string, argsJson: string): void {
    const call = this.top();
    const result = hostAsyncSyscall(call?.host, op, String(argsJson), (ms) => this.sleep(ms));
    result.then(successEnvelope, errorEnvelope).then((envelope) => this.deliver(id, envelope, call));
  }

  /** Hands async results back in batches, one entry per call so each call is charged for its own continuations. */
  private deliver(id: number, envelope: string, call: ActiveCall | undefined): void {
    this.queue.push({ id, envelope, call });
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (this.disposed || this.host.dead || !this.deliverRef) return;
      const byCall = new Map<ActiveCall | undefined, Array<[number, string]>>();
      for (const item of this.queue) {
        const batch = byCall.get(item.call) ?? [];
        batch.push([item.id, item.envelope]);
        byCall.set(item.call, batch);
      }
      this.queue = [];
      for (const [call, batch] of byCall) {
        const target = call && !call.finished ? call : null;
        const timeout = target ? Math.max(1, Math.ceil(target.wallMs - (performance.now() - target.startedAt))) : IMPORT_TIMEOUT_MS;
        const entry = this.deliverRef.apply(undefined, [JSON.stringify(batch)], { arguments: { copy: true }, timeout });
        this.host.meter.track(target, entry).catch((e: unknown) => {
          if (isTimeoutError(e)) this.host.kill({ kind: "timeout", message: target?.wallMessage ?? timeoutMessage(timeout), culprit: target });
        });
      }
    });
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

  // ----------------------------------------------------------------- errors

  private failAll(cause: DeathCause): void {
    const calls = [...this.calls];
    // A nested call (ctx.runQuery from a mutation) shares its caller's fate and message.
    const involved = cause.kind !== "timeout" || cause.culprit === null || calls.includes(cause.culprit as ActiveCall);
    for (const call of calls) this.settle(call, null, deathError(cause, involved));
    this.dispose();
  }

  private runtimeError(e: unknown, call: ActiveCall): UserCodeError {
    if (isTimeoutError(e) && !this.host.dead) this.host.kill({ kind: "timeout", message: call.wallMessage, culprit: call });
    const cause = this.host.cause;
    if (cause) return deathError(cause, cause.kind !== "timeout" || cause.culprit === null || cause.culprit === call);
    return { message: this.mapper.format(thrownInfo(e)) };
  }

  private importError(e: unknown): UserCodeError {
    if (isTimeoutError(e) && !this.host.dead) {
      this.host.kill({ kind: "timeout", message: timeoutMessage(IMPORT_TIMEOUT_MS), culprit: null });
    }
    const cause = this.host.cause;
    if (cause) {
      const error = deathError(cause, true);
      return { ...error, message: `${error.message} while loading modules` };
    }
    const thrown = thrownInfo(e);
    const at = this.mapper.firstUserFrame(thrown.stack);
    return { message: this.mapper.format(thrown), ...(at ? { location: at } : {}) } as UserCodeError;
  }
}

/** Name, message and stack of an error that crossed out of the isolate. */
function thrownInfo(e: unknown): ThrownInfo {
  const err = e as { name?: string; message?: string; stack?: string };
  return {
    name: typeof err?.name === "string" ? err.name : null,
    message: typeof err?.message === "string" ? err.message : String(e),
    stack: typeof err?.stack === "string" ? err.stack : "",
  };
}

/** isolated-vm's text when an entry outlives its `timeout` option. */
function isTimeoutError(e: unknown): boolean {
  const message = (e as { message?: string })?.message ?? "";
  return message.includes("Script execution timed out");
}

/** The error a call gets when its isolate dies; `involved`: the call (or its nested call) caused it. */
export function deathError(cause: DeathCause, involved: boolean): UserCodeError {
  switch (cause.kind) {
    case "timeout":
      return { message: involved ? cause.message : STOPPED_BY_OTHER, terminated: true };
    case "memory":
      return { message: `JavaScript execution ran out of memory (maximum memory usage: ${cause.memoryMb} MB)`, terminated: true };
    case "disposed":
      return { message: STOPPED, terminated: true };
  }
}
