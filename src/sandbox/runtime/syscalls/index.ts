/**
 * The runtime's syscalls (CONVEX-SEMANTICS §1), registered in the global
 * dispatch table. Other layers add theirs with `registerSyscalls`.
 */
import { databaseSyscalls } from "./database.ts";
import { identitySyscalls } from "./identity.ts";
import { metadataSyscalls } from "./metadata.ts";
import { querySyscalls } from "./queries.ts";
import { runUdfSyscalls } from "./runUdf.ts";
import { globalSyscalls } from "./table.ts";

globalSyscalls
  .register(databaseSyscalls)
  .register(querySyscalls)
  .register(metadataSyscalls)
  .register(identitySyscalls)
  .register(runUdfSyscalls);

export { globalSyscalls, registerSyscalls, SyscallTable } from "./table.ts";
export type { SyscallGroup, SyncSyscallHandler, AsyncSyscallHandler } from "./table.ts";
export { SyscallError, addressToPath, requireTransaction, requireWritable } from "./context.ts";
export type { CallContext, DeploymentCore } from "./context.ts";
export { toJson, fromJson, objectFromJson, patchFromJson } from "./values.ts";
