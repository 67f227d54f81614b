/** Identities a session or an HTTP request acts as. */
import type { UserIdentity } from "convex/server";

/**
 * The identity an admin key "impersonates" (dashboard "act as user"):
 * the attributes as given, with `tokenIdentifier` formed as Convex forms it.
 */
export function impersonatedIdentity(attributes: Record<string, unknown>): UserIdentity {
  const issuer = typeof attributes.issuer === "string" ? attributes.issuer : "";
  const subject = typeof attributes.subject === "string" ? attributes.subject : "";
  const tokenIdentifier =
    typeof attributes.tokenIdentifier === "string" ? attributes.tokenIdentifier : `${issuer}|${subject}`;
  return { ...attributes, issuer, subject, tokenIdentifier } as UserIdentity;
}
