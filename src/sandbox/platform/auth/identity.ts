/**
 * Builds the `UserIdentity` that `ctx.auth.getUserIdentity()` returns from a
 * verified JWT's claims, as Convex does: `tokenIdentifier` is `iss|sub`, the
 * OpenID standard claims are renamed to their camelCase fields, and any other
 * claim is passed through unchanged.
 */
import type { UserIdentity } from "convex/server";
import type { JWTPayload } from "jose";

const STANDARD_CLAIMS: Record<string, string> = {
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
  address: "address",
  updated_at: "updatedAt",
};
/** Registered JWT claims that describe the token, not the user. */
const TOKEN_CLAIMS = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti"]);

export function identityFromClaims(payload: JWTPayload): UserIdentity {
  const issuer = payload.iss;
  const subject = payload.sub;
  if (typeof issuer !== "string" || typeof subject !== "string") {
    throw new Error("Could not verify OIDC token claim. The token must carry `iss` and `sub` claims.");
  }
  const identity: Record<string, unknown> = { tokenIdentifier: `${issuer}|${subject}`, subject, issuer };
  for (const [claim, value] of Object.entries(payload)) {
    if (TOKEN_CLAIMS.has(claim) || value === undefined) continue;
    const field = STANDARD_CLAIMS[claim];
    if (field === "updatedAt" && typeof value === "number") {
      identity[field] = new Date(value * 1000).toISOString();
    } else if (field === "address" && typeof value === "object" && value !== null) {
      identity[field] = JSON.stringify(value);
    } else {
      identity[field ?? claim] = value;
    }
  }
  return identity as unknown as UserIdentity;
}
