/** The executor a sandbox's deployment runs user code with. */
import { IsolateExecutor } from "../runtime/executor/isolate/index.ts";
import type { Executor } from "../runtime/types.js";
import type { SandboxLimits } from "./options.js";

/** Isolates for untrusted code; "inprocess" leaves the runtime's default (node:vm). */
export function createSandboxExecutor(kind: "isolate" | "inprocess", limits: SandboxLimits): Executor | undefined {
  if (kind === "inprocess") return undefined;
  return new IsolateExecutor({ memoryMb: limits.isolateMemoryMb });
}
