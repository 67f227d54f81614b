/**
 * Nested calls. From queries and mutations: `1.0/runUdf` (same transaction).
 * From actions: `1.0/actions/{query,mutation,action}` (each its own
 * transaction), and `sandbox/fetch`, the environment's `fetch()`.
 */
import type { JSONValue } from "../types.ts";
import type { SyscallGroup } from "./table.ts";
import { SyscallError, addressToPath, type CallContext } from "./context.ts";

type Address = { name?: string; functionHandle?: string; reference?: string };

function requireAction(call: CallContext, what: string): void {
  if (call.udfType !== "action") throw new SyscallError(`${what} can only be used in actions`);
}

export const runUdfSyscalls: SyscallGroup = {
  async: {
    "1.0/runUdf": async (call, args: Address & { udfType: "query" | "mutation" | "snapshotQuery"; args: JSONValue }) => {
      if (call.udfType === "action") throw new SyscallError("1.0/runUdf cannot be used in actions");
      return call.core.runNested(call, args.udfType, addressToPath(args), args.args);
    },
    "1.0/actions/query": async (call, args: Address & { args: JSONValue }) => {
      requireAction(call, "ctx.runQuery");
      return call.core.runFromAction(call, "query", addressToPath(args), args.args);
    },
    "1.0/actions/mutation": async (call, args: Address & { args: JSONValue }) => {
      requireAction(call, "ctx.runMutation");
      return call.core.runFromAction(call, "mutation", addressToPath(args), args.args);
    },
    "1.0/actions/action": async (call, args: Address & { args: JSONValue }) => {
      requireAction(call, "ctx.runAction");
      return call.core.runFromAction(call, "action", addressToPath(args), args.args);
    },
    "sandbox/fetch": async (call, args: { url: string; method: string; headers: Array<[string, string]>; bodyBase64: string | null }) => {
      requireAction(call, "fetch()");
      return call.core.fetch(args);
    },
  },
};
