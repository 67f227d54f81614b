/**
 * The syscall dispatch table: op name → handler. A global table holds the
 * runtime's own groups; the platform layer adds its groups (scheduler,
 * storage, auth, ...) with `registerSyscalls`, and a deployment may add
 * groups of its own. Each deployment dispatches through a snapshot taken
 * when it was created plus its own additions.
 */
import type { SyscallHost } from "../types.ts";
import { SyscallError, type CallContext } from "./context.ts";

/** A sync op: parsed JSON args in, a JSON-serializable result out. */
export type SyncSyscallHandler = (call: CallContext, args: any) => unknown;
/** An async op. Throw (reject) with SyscallError/Error; `data` on the error travels as ConvexError data. */
export type AsyncSyscallHandler = (call: CallContext, args: any) => Promise<unknown>;

export interface SyscallGroup {
  sync?: Record<string, SyncSyscallHandler>;
  async?: Record<string, AsyncSyscallHandler>;
  /**
   * Async ops (as the `convex` package calls them) whose host side is
   * synchronous. The executor answers them within the same evaluation, which
   * saves a round trip per `await ctx.db...`.
   */
  immediate?: Record<string, SyncSyscallHandler>;
}

export class SyscallTable {
  private readonly sync = new Map<string, SyncSyscallHandler>();
  private readonly async = new Map<string, AsyncSyscallHandler>();
  private readonly immediate = new Map<string, SyncSyscallHandler>();

  register(group: SyscallGroup): this {
    for (const [op, handler] of Object.entries(group.sync ?? {})) this.sync.set(op, handler);
    for (const [op, handler] of Object.entries(group.async ?? {})) {
      this.async.set(op, handler);
      this.immediate.delete(op);
    }
    for (const [op, handler] of Object.entries(group.immediate ?? {})) {
      this.immediate.set(op, handler);
      this.async.delete(op);
    }
    return this;
  }

  copy(): SyscallTable {
    const table = new SyscallTable();
    for (const [op, h] of this.sync) table.sync.set(op, h);
    for (const [op, h] of this.async) table.async.set(op, h);
    for (const [op, h] of this.immediate) table.immediate.set(op, h);
    return table;
  }

  ops(): { sync: string[]; async: string[] } {
    return {
      sync: [...this.sync.keys()].sort(),
      async: [...this.async.keys(), ...this.immediate.keys()].sort(),
    };
  }

  /** The SyscallHost an executor calls for one function execution. */
  hostFor(call: CallContext): SyscallHost {
    return {
      syscall: (op, argsJson) => {
        const handler = this.sync.get(op);
        if (!handler) throw new SyscallError(`Unknown operation ${op}`);
        const result = handler(call, JSON.parse(argsJson));
        return JSON.stringify(result === undefined ? null : result);
      },
      asyncSyscall: async (op, argsJson) => {
        const immediate = this.immediate.get(op);
        const handler = immediate ?? this.async.get(op);
        if (!handler) throw new SyscallError(`Unknown async operation ${op}`);
        const result = await handler(call, JSON.parse(argsJson));
        return JSON.stringify(result === undefined ? null : result);
      },
      asyncSyscallImmediate: (op, argsJson) => {
        const handler = this.immediate.get(op);
        if (!handler) return null;
        const result = handler(call, JSON.parse(argsJson));
        return JSON.stringify(result === undefined ? null : result);
      },
      log: (level, message) => call.log(level, message),
    };
  }
}

/** The table every new deployment starts from. */
export const globalSyscalls = new SyscallTable();

/** Adds ops to every deployment created afterwards. */
export function registerSyscalls(group: SyscallGroup): void {
  globalSyscalls.register(group);
}
