/**
 * The Convex function environment prelude (see prelude.js for the bridge it
 * expects and the `__convexRuntime` API it exposes) and the types of the
 * messages exchanged with it. Every executor evaluates ENVIRONMENT_PRELUDE in
 * a fresh context, then the bundle, then calls `__convexRuntime.finishImport()`.
 */
import { readFileSync } from "node:fs";
import type { CallEnvironment, JSONValue, ModuleExportInfo, SerializedRequest, SyscallHost, UdfType } from "../types.ts";

export const ENVIRONMENT_PRELUDE: string = readFileSync(new URL("./prelude.js", import.meta.url), "utf8");
export const PRELUDE_FILENAME = "convex-environment.js";

/** The host bridge the prelude expects as `globalThis.__convexHost`. */
export interface HostBridge {
  /** Returns "1" + resultJson, or "0" + JSON {message, data?}. */
  syscall(op: string, argsJson: string): string;
  /** Resolves (never rejects) to "1" + resultJson, or "0" + JSON {message, data?}. */
  asyncSyscall(op: string, argsJson: string): Promise<string>;
  /**
   * Optional: answers an async op whose host side is synchronous right away
   * (same envelope as `syscall`), or returns null when the op must go through
   * `asyncSyscall`. Saves a promise round trip per `await ctx.db…`.
   */
  immediateSyscall?(op: string, argsJson: string): string | null;
  log(level: string, message: string): void;
}

/** Argument of `__convexRuntime.invoke`, JSON-encoded. */
export interface InvokeMessage {
  module: string;
  name: string;
  udfType: UdfType;
  requestId: string;
  argsJson: string;
  env: CallEnvironment;
}

/** Argument of `__convexRuntime.invokeHttp`, JSON-encoded. */
export interface InvokeHttpMessage {
  request: SerializedRequest;
  requestId: string;
  env: CallEnvironment;
}

/** The error half of an invoke envelope ("0" + JSON). */
export interface ThrownInfo {
  name: string | null;
  message: string;
  stack: string;
  errorData?: JSONValue;
}

/** What `__convexRuntime.finishImport()` returns, JSON-decoded. */
export interface ImportDescription {
  exports: ModuleExportInfo[];
  schema: JSONValue | null;
  crons: JSONValue | null;
  httpRoutes: Array<{ path: string; method: string }>;
}

/** Ops the executor answers itself rather than passing to the SyscallHost. */
export const SLEEP_OP = "sandbox/sleep";

/** Encodes a host-side syscall outcome for the bridge. */
export function successEnvelope(resultJson: string): string {
  return "1" + resultJson;
}
export function errorEnvelope(error: unknown): string {
  const e = error as { message?: unknown; data?: unknown };
  const info: { message: string; data?: unknown } = {
    message: typeof e?.message === "string" ? e.message : String(error),
  };
  if (e && typeof e === "object" && e.data !== undefined) info.data = e.data;
  return "0" + JSON.stringify(info);
}

/**
 * A synchronous syscall from the context, answered by the running call's host
 * (`host` undefined: no call is running), as a bridge envelope.
 */
export function hostSyscall(host: SyscallHost | undefined, op: string, argsJson: string): string {
  if (!host) return errorEnvelope(new Error(`Cannot call ${op} outside of a Convex function`));
  try {
    return successEnvelope(host.syscall(op, argsJson));
  } catch (e) {
    return errorEnvelope(e);
  }
}

/**
 * The envelope of an async op the host answers synchronously (`SyscallHost.asyncSyscallImmediate`),
 * or null when the op must go the asynchronous way (sleep, ops without an immediate handler).
 */
export function hostImmediateSyscall(host: SyscallHost | undefined, op: string, argsJson: string): string | null {
  if (!host?.asyncSyscallImmediate || op === SLEEP_OP) return null;
  try {
    const resultJson = host.asyncSyscallImmediate(op, argsJson);
    return resultJson === null ? null : successEnvelope(resultJson);
  } catch (e) {
    return errorEnvelope(e);
  }
}

/**
 * The host's answer to an async syscall from the context: the executor's own
 * sleep op, else the running call's host (`host` undefined: no call is running).
 * The caller turns the settled promise into an envelope.
 */
export function hostAsyncSyscall(
  host: SyscallHost | undefined,
  op: string,
  argsJson: string,
  sleep: (ms: number) => Promise<string>,
): Promise<string> {
  if (op === SLEEP_OP) return sleep(Number((JSON.parse(argsJson) as { ms: number }).ms) || 0);
  if (!host) return Promise.reject(new Error(`Cannot call ${op} outside of a Convex function`));
  try {
    return host.asyncSyscall(op, argsJson);
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Splits an invoke envelope into result JSON or thrown info. */
export function parseInvokeEnvelope(envelope: string): { ok: true; value: string } | { ok: false; thrown: ThrownInfo } {
  if (envelope.charCodeAt(0) === 49) return { ok: true, value: envelope.slice(1) };
  return { ok: false, thrown: JSON.parse(envelope.slice(1)) as ThrownInfo };
}
