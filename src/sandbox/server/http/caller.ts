/**
 * Who is calling: the `Authorization` header of an HTTP API request, read as
 * Convex reads it (`platform/auth/authorization-header.ts`; schemes in any
 * case). `Bearer <jwt>` is verified by the deployment's auth service;
 * `Convex <adminKey>[:<base64 identity JSON>]` is the admin key, optionally
 * acting as a user (ConvexHttpClient `setAdminAuth`); any other header is
 * refused with 400 and Convex's code and text ("Invalid admin key").
 */
import type { IncomingMessage } from "node:http";
import type { UserIdentity } from "convex/server";
import type { Deployment } from "../../runtime/types.js";
import { impersonatedIdentity } from "../../sync/identity.js";
import type { Sandbox } from "../sandboxes/sandbox.js";
import { readAuthorizationHeader } from "../../platform/auth/authorization-header.js";
import { HttpError } from "./errors.js";

export interface Caller {
  identity: UserIdentity | null;
  isAdmin: boolean;
}

export async function resolveCaller(req: IncomingMessage, sandbox: Sandbox, deployment: Deployment): Promise<Caller> {
  const auth = readAuthorizationHeader(req.headers.authorization);
  switch (auth.kind) {
    case "none":
      return { identity: null, isAdmin: false };
    case "refused":
      throw new HttpError(400, auth.code, auth.message);
    case "admin":
      return { identity: adminKeyIdentity(auth.value, sandbox), isAdmin: true };
    case "bearer":
      return { identity: await verifiedIdentity(auth.token, deployment), isAdmin: false };
  }
}

async function verifiedIdentity(token: string, deployment: Deployment): Promise<UserIdentity> {
  if (!deployment.auth) {
    throw new HttpError(
      401,
      "NoAuthProvider",
      "No auth provider found matching the given token. Check that your JWT's issuer and audience match one of your configured providers: []",
    );
  }
  try {
    return await deployment.auth.verify(token);
  } catch (e) {
    throw new HttpError(401, "Unauthenticated", e instanceof Error ? e.message : String(e));
  }
}

/** Checks a `Convex <adminKey>` header (throws 401/403); returns the impersonated identity, if any. */
export function adminIdentity(header: string | undefined, sandbox: Sandbox): UserIdentity | null {
  const auth = readAuthorizationHeader(header);
  if (auth.kind !== "admin") {
    throw new HttpError(401, "MissingAdminKey", "This endpoint requires the header `Authorization: Convex <admin key>`.");
  }
  return adminKeyIdentity(auth.value, sandbox);
}

/** `<adminKey>[:<base64 identity JSON>]` checked (throws 403/400); the impersonated identity, if any. */
export function adminKeyIdentity(value: string, sandbox: Sandbox): UserIdentity | null {
  const colon = value.indexOf(":");
  const key = colon === -1 ? value : value.slice(0, colon);
  if (!sandbox.isAdminKey(key)) {
    throw new HttpError(403, "BadAdminKey", "The provided admin key was invalid for this instance");
  }
  if (colon === -1) return null;
  try {
    const attributes = JSON.parse(Buffer.from(value.slice(colon + 1), "base64").toString("utf8")) as Record<string, unknown>;
    return impersonatedIdentity(attributes);
  } catch {
    throw new HttpError(400, "BadAdminKey", "The identity after the admin key must be base64-encoded JSON.");
  }
}
