/** Metadata syscalls: function, deployment and request metadata, transaction metrics, handles, audit log. */
import type { SyscallGroup } from "./table.ts";
import { SyscallError, addressToPath, requireTransaction } from "./context.ts";
import { toJson } from "./values.ts";

export const metadataSyscalls: SyscallGroup = {
  sync: {
    "1.0/getSnapshotTs": (call) => toJson(requireTransaction(call, "getSnapshotTs").snapshotTs),
  },
  immediate: {
    "1.0/getFunctionMetadata": (call) => ({ name: call.path, componentPath: "" }),
    "1.0/getDeploymentMetadata": (call) => ({ name: call.core.name, region: null, class: "s16" }),
    "1.0/getRequestMetadata": (call) => {
      if (call.udfType === "query") throw new SyscallError("Cannot get request metadata in a Query");
      return { ip: null, userAgent: null, requestId: call.requestId, scheduledFunctionId: call.scheduledJobId ?? null, authToken: null };
    },
    "1.0/getTransactionMetrics": (call) => requireTransaction(call, "getTransactionMetrics").metrics(),
    "1.0/createFunctionHandle": (_call, args: { name?: string; functionHandle?: string }) =>
      `function://;${addressToPath(args)}`,
    "1.0/auditLog": (call) => {
      if (call.udfType === "action") throw new SyscallError("Audit logs can only be written from queries and mutations");
      return null;
    },
  },
};
