/**
 * The caller of an HTTP action whose `Authorization: Bearer` token failed
 * verification, or whose `Authorization` header is not `Bearer <token>`
 * (`Basic …`: Convex refuses it with "Invalid admin key", see
 * `auth/authorization-header.ts`). Convex still runs the action (the header may belong to the
 * developer's own scheme), with `Identity::Unknown(Some(error))`
 * (convex-backend `crates/local_backend/src/http_actions.rs`,
 * `stream_http_response`): `ctx.auth.getUserIdentity()` in the action, and in
 * actions it starts with `ctx.runAction`, throws the verification error
 * (`crates/isolate/src/environment/action/task_executor.rs`, `user_identity`),
 * while the queries and mutations it runs see no identity.
 *
 * The runtime carries a call's identity as an opaque value from the action to
 * the calls it makes, so the rejection travels as a stand-in identity object
 * that only `getUserIdentity` below recognises.
 */
import type { UserIdentity } from "convex/server";
import type { CallContext } from "../../runtime/syscalls/index.js";
import { SyscallError } from "../../runtime/syscalls/index.js";

const rejections = new WeakMap<object, string>();

/** A stand-in identity for a call whose bearer token was refused with `message`. */
export function rejectedTokenIdentity(message: string): UserIdentity {
  const standIn = Object.freeze({ tokenIdentifier: "", subject: "", issuer: "" });
  rejections.set(standIn, message);
  return standIn;
}

/** The verification error of a rejected token's stand-in, or null for a real identity (or none). */
export function tokenRejection(identity: UserIdentity | null | undefined): string | null {
  return identity ? (rejections.get(identity) ?? null) : null;
}

/** `1.0/getUserIdentity` with rejected tokens: actions throw the verification error, queries and mutations see null. */
export function getUserIdentity(call: CallContext): UserIdentity | null {
  const rejection = tokenRejection(call.identity);
  if (rejection === null) return call.identity ?? null;
  if (call.udfType === "action") throw new SyscallError(rejection);
  return null;
}
