/**
 * Who is calling: the `Authorization` header of an HTTP API request.
 * `Bearer <jwt>` is verified by the deployment's auth service;
 * `Convex <adminKey>[:<base64 identity JSON>]` is the admin key, optionally
 * acting as a user (ConvexHttpClient `setAdminAuth`).
 */
import type { IncomingMessage } from "node:http";
import type { UserIdentity } from "convex/server";
import type { Deployment } from "../../runtime/types.js";
import { impersonatedIdentity } from "../../sync/identity.js";
import type { Sandbox } from "../sandboxes/sandbox.js";
import { HttpError } from "./errors.js";

export interface Caller {
  identity: UserIdentity | null;
  isAdmin: boolean;
}

export async function resolveCaller(req: IncomingMessage, sandbox: Sandbox, deployment: Deployment): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return { identity: null, isAdmin: false };
  if (header.startsWith("Bearer ")) {
    const token = header.slice("Bearer ".length).trim();
    if (!deployment.auth) {
      throw new HttpError(
        401,
        "NoAuthProvider",
        "No auth provider found matching the given token. Check that your JWT's issuer and audience match one of your configured providers: []",
      );
    }
    try {
      return { identity: await deployment.auth.verify(token), isAdmin: false };
    } catch (e) {
      throw new HttpError(401, "Unauthenticated", e instanceof Error ? e.message : String(e));
    }
  }
  if (header.startsWith("Convex ")) {
    return { identity: adminIdentity(header, sandbox), isAdmin: true };
  }
  throw new HttpError(401, "BadAuthHeader", "The Authorization header must be `Bearer <token>` or `Convex <admin key>`.");
}

/** Checks a `Convex <adminKey>` header (throws 401/403); returns the impersonated identity, if any. */
export function adminIdentity(header: string | undefined, sandbox: Sandbox): UserIdentity | null {
  if (!header || !header.startsWith("Convex ")) {
    throw new HttpError(401, "MissingAdminKey", "This endpoint requires the header `Authorization: Convex <admin key>`.");
  }
  const value = header.slice("Convex ".length).trim();
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
