/**
 * An `Authorization` header read as Convex reads it, for the HTTP API and for
 * HTTP actions alike (convex-backend `crates/local_backend/src/authentication.rs`,
 * `ExtractAuthenticationToken`, and `crates/authentication/src/lib.rs`,
 * `extract_bearer_token`):
 *
 * - no header: no caller;
 * - shorter than 7 characters: refused, "Invalid authentication header";
 * - `Convex <admin key>` (scheme in any case): the admin key, maybe acting as a user;
 * - `Bearer <token>` (scheme in any case, something after it): a token to verify;
 * - anything else (`Basic …`, a raw JWT, a bare `Bearer`): refused, "Invalid admin key".
 *
 * The HTTP API answers a refusal with 400 and Convex's code and text; an HTTP
 * action still runs, and only `ctx.auth.getUserIdentity()` throws the text
 * (`crates/local_backend/src/http_actions.rs`).
 */
export type AuthorizationHeader =
  | { kind: "none" }
  | { kind: "bearer"; token: string }
  | { kind: "admin"; value: string }
  | { kind: "refused"; code: "InvalidHeaderFailure" | "InvalidAdminKey"; message: string };

const SCHEME_LENGTH = "bearer ".length;

export function readAuthorizationHeader(header: string | undefined): AuthorizationHeader {
  if (header === undefined) return { kind: "none" };
  if (header.length < SCHEME_LENGTH) {
    return { kind: "refused", code: "InvalidHeaderFailure", message: "Invalid authentication header" };
  }
  const scheme = header.slice(0, SCHEME_LENGTH).toLowerCase();
  if (scheme === "convex ") return { kind: "admin", value: header.slice(SCHEME_LENGTH).trim() };
  if (scheme !== "bearer " || header.length === SCHEME_LENGTH) {
    return { kind: "refused", code: "InvalidAdminKey", message: "Invalid admin key" };
  }
  return { kind: "bearer", token: header.slice(SCHEME_LENGTH).trim() };
}
