/**
 * One context inside an isolate, holding the web globals, the Convex
 * environment prelude and the functions bundle, and the calls running in it.
 *
 * Only strings cross the boundary. The prelude's host bridge is made of three
 * host callbacks: a synchronous `syscall`, `asyncStart(id, op, args)` whose
 * result the host later hands back through `__convexDeliver`, and `log`.
 * Every entry into the isolate carries the running call's remaining budget
 * as its timeout; a watchdog disposes the whole isolate if a call outlives
 * its budget anyway.
 */
import { randomBytes } from "node:crypto";
import ivm from "isolated-vm";
import {
  errorEnvelope,
  hostAsyncSyscall,
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
import { timeoutMessage } from "../contextRunner.ts";
import type { DeathCause, IsolateHost } from "./isolate-host.ts";

/** Budget for evaluating the bundle's top-level code (import time). */
const IMPORT_TIMEOUT_MS = 5_000;

const BOOTSTRAP = `(function () {
  var syscall = __ivmSyscall, start = __ivmAsyncStart, log = __ivmLog, random = __ivmRandom;
  delete globalThis.__ivmSyscall; delete globalThis.__ivmAsyncStart; delete globalThis.__ivmLog; delete globalThis.__ivmRandom;
  var pending = new Map();
  var nextId = 1;
  globalThis.__convexHost = {
    syscall: function (op, args) { return syscall(op, args); },
    asyncSyscall: function (op, args) {
      return new Promise(function (resolve) {
        var id = nextId++;
        pending.set(id, resolve);
        start(id, op, args);
      });
    },
    log: function (level, message) { log(level, message); },
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

interface ActiveCall {
  host: SyscallHost;
  budgetMs: number;
  /**
   * Wall-clock limit of the call. Time spent inside the isolate is not
   * separated from waiting, so a call may run for its JavaScript budget or
   * its total wall-clock limit, whichever is longer.
   */
  limitMs: number;
  startedAt: number;
  fail(error: UserCodeError): void;
}

export class IsolateContext {
  private context: ivm.Context | null = null;
  private deliverRef: ivm.Reference<(batchJson: string) => void> | null = null;
  private readonly calls: ActiveCall[] = [];
  private queue: Array<[number, string]> = [];
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
    await jail.set(
      "__ivmAsyncStart",
      new ivm.Callback((id: number, op: string, args: string) => this.asyncStart(id, op, args), { ignored: true }),
    );
    await jail.set("__ivmLog", new ivm.Callback((level: string, message: string) => this.top()?.host.log(level, message), { ignored: true }));
    await jail.set("__ivmRandom", new ivm.Callback((n: number) => randomBytes(Math.min(65536, Math.max(0, n | 0))).toString("base64")));
    try {
      await globals.run(context, { timeout: IMPORT_TIMEOUT_MS });
      await context.eval("delete globalThis.global;" + BOOTSTRAP, { timeout: IMPORT_TIMEOUT_MS });
      await prelude.run(context, { timeout: IMPORT_TIMEOUT_MS });
      await bundle.run(context, { timeout: IMPORT_TIMEOUT_MS });
      const description = (await context.eval("__convexRuntime.finishImport()", { timeout: IMPORT_TIMEOUT_MS, copy: true })) as unknown as string;
      this.deliverRef = (await context.global.get("__convexDeliver", { reference: true })) as ivm.Reference<(b: string) => void>;
      return JSON.parse(description) as ImportDescription;
    } catch (e) {
      throw this.importError(e);
    }
  }

  invoke(message: InvokeMessage, host: SyscallHost): Promise<string> {
    return this.start("return __convexRuntime.invoke($0)", JSON.stringify(message), host, message.env);
  }

  invokeHttp(message: InvokeHttpMessage, host: SyscallHost): Promise<string> {
    return this.start("return __convexRuntime.invokeHttp($0)", JSON.stringify(message), host, message.env);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopListening();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.deliverRef?.release();
    try {
      this.context?.release();
    } catch {
      // isolate already gone
    }
  }

  // ------------------------------------------------------------------ calls

  private start(code: string, callJson: string, host: SyscallHost, env: CallEnvironment): Promise<string> {
    const budgetMs = env.timeoutMs;
    const wallClockMs = (env as { wallClockMs?: number }).wallClockMs ?? 0;
    const limitMs = Math.max(budgetMs, wallClockMs);
    return new Promise<string>((resolve, reject) => {
      if (this.disposed || this.host.dead || !this.context) {
        return reject({ message: "The function environment was stopped.", terminated: true } satisfies UserCodeError);
      }
      const call: ActiveCall = { host, budgetMs, limitMs, startedAt: performance.now(), fail: reject };
      this.calls.push(call);
      const watchdog = setTimeout(() => this.host.kill({ kind: "timeout", budgetMs }), limitMs + 50);
      const finish = () => {
        clearTimeout(watchdog);
        const i = this.calls.indexOf(call);
        if (i !== -1) this.calls.splice(i, 1);
      };
      this.context
        .evalClosure(code, [callJson], {
          arguments: { copy: true },
          result: { promise: true, copy: true },
          timeout: Math.max(1, limitMs),
        })
        .then(
          (envelope) => {
            finish();
            const outcome = parseInvokeEnvelope(envelope as unknown as string);
            if (outcome.ok) return resolve(outcome.value);
            const error: UserCodeError = { message: this.mapper.format(outcome.thrown) };
            if (outcome.thrown.errorData !== undefined) error.errorData = outcome.thrown.errorData;
            reject(error);
          },
          (e: unknown) => {
            finish();
            reject(this.runtimeError(e, budgetMs));
          },
        );
    });
  }

  private top(): ActiveCall | undefined {
    return this.calls[this.calls.length - 1];
  }

  private syscall(op: string, argsJson: string): string {
    return hostSyscall(this.top()?.host, op, String(argsJson));
  }

  private asyncStart(id: number, op: string, argsJson: string): void {
    const result = hostAsyncSyscall(this.top()?.host, op, String(argsJson), (ms) => this.sleep(ms));
    result.then(successEnvelope, errorEnvelope).then((envelope) => this.deliver(id, envelope));
  }

  /** Hands async results back in batches, each entry timed by the running call's remaining budget. */
  private deliver(id: number, envelope: string): void {
    this.queue.push([id, envelope]);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (this.disposed || this.host.dead || !this.deliverRef) return;
      const batch = this.queue;
      this.queue = [];
      const call = this.top();
      const remaining = call ? Math.max(1, Math.ceil(call.limitMs - (performance.now() - call.startedAt))) : IMPORT_TIMEOUT_MS;
      this.deliverRef
        .apply(undefined, [JSON.stringify(batch)], { arguments: { copy: true }, timeout: remaining })
        .catch((e: unknown) => {
          if (isTimeoutError(e)) this.host.kill({ kind: "timeout", budgetMs: call?.budgetMs ?? IMPORT_TIMEOUT_MS });
        });
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
    const calls = this.calls.splice(0);
    for (const call of calls) call.fail(deathError(cause, call.budgetMs));
    this.dispose();
  }

  private runtimeError(e: unknown, budgetMs: number): UserCodeError {
    const cause = this.host.cause;
    if (cause) return deathError(cause, budgetMs);
    if (isTimeoutError(e)) {
      this.host.kill({ kind: "timeout", budgetMs });
      return deathError({ kind: "timeout", budgetMs }, budgetMs);
    }
    return { message: this.mapper.format(thrownInfo(e)) };
  }

  private importError(e: unknown): UserCodeError {
    const cause = this.host.cause;
    if (cause) {
      const error = deathError(cause, IMPORT_TIMEOUT_MS);
      return { ...error, message: `${error.message} while loading modules` };
    }
    if (isTimeoutError(e)) {
      this.host.kill({ kind: "timeout", budgetMs: IMPORT_TIMEOUT_MS });
      return { message: timeoutMessage(IMPORT_TIMEOUT_MS) + " while loading modules", terminated: true };
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

function isTimeoutError(e: unknown): boolean {
  const message = (e as { message?: string })?.message ?? "";
  return message.includes("Script execution timed out");
}

export function deathError(cause: DeathCause, budgetMs: number): UserCodeError {
  switch (cause.kind) {
    case "timeout":
      return { message: timeoutMessage(cause.budgetMs || budgetMs), terminated: true };
    case "memory":
      return { message: `JavaScript execution ran out of memory (maximum memory usage: ${cause.memoryMb} MB)`, terminated: true };
    case "disposed":
      return { message: "The function environment was stopped.", terminated: true };
  }
}
