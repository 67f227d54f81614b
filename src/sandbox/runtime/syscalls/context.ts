/**
 * What a syscall handler sees: the call it belongs to and the deployment
 * services it may use. The deployment builds one CallContext per function
 * execution (nested calls get their own, sharing the parent's transaction
 * when Convex shares it).
 */
import type { UserIdentity } from "convex/server";
import type { Database, Transaction } from "../../database/index.ts";
import type { JSONValue, UdfType } from "../types.ts";
import type { QueryJournal } from "./journal.ts";

/** A failure to hand back to the calling function: message plus ConvexError data (JSON form). */
export class SyscallError extends Error {
  constructor(
    message: string,
    readonly data?: JSONValue,
  ) {
    super(message);
    this.name = "SyscallError";
  }
}

export interface CallContext {
  readonly udfType: UdfType;
  /** The running function, `dir/file:fn`. */
  readonly path: string;
  readonly requestId: string;
  readonly identity: UserIdentity | null;
  /** Queries and mutations: the transaction the function reads and writes through. */
  readonly tx: Transaction | null;
  /** 0 for a call from outside, +1 per nested `ctx.run*` (queries/mutations). */
  readonly depth: number;
  /** The `_scheduled_functions` job this call runs, when the scheduler started it. */
  readonly scheduledJobId?: string | null;
  /** Set by the first `paginate()`; a second one fails as in Convex. */
  paginated: boolean;
  /** A top-level query's journal (the end cursor of its page); absent for nested calls, mutations and actions. */
  readonly journal?: QueryJournal;
  /** Appends one captured console line (already formatted as Convex formats it). */
  log(level: string, message: string): void;
  /** Ids of query streams opened by this call (closed when it ends). */
  readonly openQueries: Set<number>;
  readonly core: DeploymentCore;
}

/** The deployment internals syscall handlers (including the platform layer's) may use. */
export interface DeploymentCore {
  readonly name: string;
  readonly cloudUrl: string;
  readonly siteUrl: string;
  readonly database: Database;
  /** Per-deployment state of extension syscalls (scheduler, storage, ...), keyed by the extension. */
  readonly services: Map<string, unknown>;
  /** `ctx.runQuery/runMutation` from a query or mutation: same transaction (a savepoint for mutations). */
  runNested(parent: CallContext, udfType: "query" | "mutation" | "snapshotQuery", path: string, args: JSONValue): Promise<JSONValue>;
  /** `ctx.runQuery/runMutation/runAction` from an action: each its own transaction. */
  runFromAction(parent: CallContext, udfType: UdfType, path: string, args: JSONValue): Promise<JSONValue>;
  /** `fetch()` from an action, after the sandbox's network policy. */
  fetch(request: { url: string; method: string; headers: Array<[string, string]>; bodyBase64: string | null }): Promise<{
    status: number;
    statusText: string;
    headers: Array<[string, string]>;
    bodyBase64: string | null;
  }>;
}

/** Resolves a syscall's function address (`{name}` or `{functionHandle}`) to a path. */
export function addressToPath(args: { name?: string; functionHandle?: string; reference?: string }): string {
  if (typeof args.name === "string") return args.name;
  if (typeof args.functionHandle === "string") {
    const prefix = "function://";
    if (!args.functionHandle.startsWith(prefix)) throw new SyscallError(`Invalid function handle: ${args.functionHandle}`);
    return args.functionHandle.slice(prefix.length).replace(/^;/, "");
  }
  if (typeof args.reference === "string") {
    throw new SyscallError(`Component references are not supported in the sandbox: ${args.reference}`);
  }
  throw new SyscallError("Missing function name");
}

export function requireTransaction(call: CallContext, op: string): Transaction {
  if (!call.tx) throw new SyscallError(`${op} is only available in queries and mutations`);
  return call.tx;
}

export function requireWritable(call: CallContext, op: string): Transaction {
  if (call.udfType !== "mutation") throw new SyscallError(`${op} is only available in mutations`);
  return requireTransaction(call, op);
}
