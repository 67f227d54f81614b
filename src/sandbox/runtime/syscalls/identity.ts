/** Identity syscalls: `ctx.auth.getUserIdentity()` answers with the identity the call was made with. */
import type { SyscallGroup } from "./table.ts";

export const identitySyscalls: SyscallGroup = {
  async: {
    "1.0/getUserIdentity": async (call) => call.identity ?? null,
  },
};
