/** Identity syscalls: `ctx.auth.getUserIdentity()` answers with the identity the call was made with. */
import type { SyscallGroup } from "./table.ts";

export const identitySyscalls: SyscallGroup = {
  immediate: {
    "1.0/getUserIdentity": (call) => call.identity ?? null,
  },
};
