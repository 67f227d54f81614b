/**
 * The platform's syscalls as a runtime `SyscallGroup`. Each handler finds the
 * calling deployment's `Platform` in `call.core.services` (key
 * `PLATFORM_SERVICE`) and answers through it, so one registration serves
 * every deployment. (`fetch()` arrives through the runtime's own
 * `sandbox/fetch` op as `core.fetch`, which the deployment points at
 * `platform.fetch`.)
 */
import type { CallContext, SyscallGroup } from "../runtime/syscalls/index.js";
import { SyscallError } from "../runtime/syscalls/index.js";
import { getUserIdentity } from "./auth/rejected-token.js";
import type { Platform } from "./index.js";
import type { PlatformCallContext } from "./ports.js";

export const PLATFORM_SERVICE = "platform";

/** The call-context field the deployment sets when a call runs a scheduled job. */
export interface ScheduledCallContext {
  readonly scheduledJobId?: string | null;
}

export function platformOf(call: CallContext): Platform {
  const platform = call.core.services.get(PLATFORM_SERVICE) as Platform | undefined;
  if (!platform) throw new SyscallError("This deployment has no platform services (scheduler, storage, fetch).");
  return platform;
}

function platformContext(call: CallContext): PlatformCallContext {
  return {
    udfType: call.udfType,
    requestId: call.requestId,
    tx: call.tx,
    identity: call.identity,
    scheduledJobId: (call as CallContext & ScheduledCallContext).scheduledJobId ?? null,
  };
}

export const PLATFORM_ASYNC_OPS = [
  "1.0/schedule",
  "1.0/cancel_job",
  "1.0/actions/schedule",
  "1.0/actions/cancel_job",
  "1.0/storageGenerateUploadUrl",
  "1.0/storageGetUrl",
  "1.0/storageGetMetadata",
  "1.0/storageDelete",
  "1.0/storageStore",
  "1.0/storageGet",
] as const;

export const platformSyscallGroup: SyscallGroup = {
  // Replaces the runtime's op so an HTTP action called with a refused bearer token throws its error.
  immediate: { "1.0/getUserIdentity": (call: CallContext) => getUserIdentity(call) },
  async: Object.fromEntries(
    PLATFORM_ASYNC_OPS.map((op) => [
      op,
      async (call: CallContext, args: Record<string, unknown>) => {
        try {
          return await platformOf(call).syscalls[op](platformContext(call), args);
        } catch (e) {
          if (e instanceof SyscallError) throw e;
          throw new SyscallError(e instanceof Error ? e.message : String(e));
        }
      },
    ]),
  ),
};
