/**
 * The cloud URL's request handler: finds the sandbox (`/s/<id>/…`, or the
 * root deployment for bare paths), applies CORS and the rate limit, and
 * hands the request to the function API, storage, admin routes or the test
 * identity provider's discovery documents.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { identityProviderDocument, isIdentityProviderPath } from "../../platform/auth/identity-provider-routes.js";
import type { SandboxLimits } from "../options.js";
import type { SandboxManager } from "../sandboxes/manager.js";
import { QuotaError, ROOT_SANDBOX_ID, type Sandbox } from "../sandboxes/sandbox.js";
import { createSandbox, handleAdmin, isAdminPath } from "./admin-api.js";
import { HttpError } from "./errors.js";
import { handleFunctionApi, isFunctionApiPath } from "./function-api.js";
import { answerPreflight, applyCors, sendError, sendJson } from "./responses.js";
import { handleStorage, isStoragePath } from "./storage-routes.js";

export interface SandboxTarget {
  sandbox: Sandbox | undefined;
  /** The path inside the deployment (without `/s/<id>`). */
  path: string;
  sandboxId: string | null;
}

/** `/s/<id>/rest` → sandbox `<id>`, path `/rest`; anything else → the root deployment. */
export function resolveSandbox(pathname: string, manager: SandboxManager): SandboxTarget {
  const m = /^\/s\/([^/]+)(\/.*)?$/.exec(pathname);
  if (m) return { sandbox: manager.get(m[1]), path: m[2] ?? "", sandboxId: m[1] };
  return { sandbox: manager.get(ROOT_SANDBOX_ID), path: pathname, sandboxId: null };
}

export function createCloudHandler(getManager: () => SandboxManager, limits: SandboxLimits, log: (line: string) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      applyCors(req, res);
      if (req.method === "OPTIONS") {
        answerPreflight(req, res);
        return;
      }
      const url = new URL(req.url ?? "/", "http://localhost");
      const manager = getManager();
      if (url.pathname === "/api/sandboxes") {
        await createSandbox(req, res, manager);
        return;
      }
      const target = resolveSandbox(url.pathname, manager);
      if (!target.sandbox) {
        if (target.sandboxId === null && (url.pathname === "/" || url.pathname === "")) {
          sendJson(res, 200, { server: "Convex Playground sandbox server", createSandbox: "POST /api/sandboxes" });
          return;
        }
        throw target.sandboxId === null
          ? new HttpError(404, "NoRootDeployment", "This server serves no root deployment; create a sandbox with POST /api/sandboxes.")
          : new HttpError(404, "SandboxNotFound", `Sandbox ${target.sandboxId} does not exist (it may have expired).`);
      }
      const { sandbox, path } = target;
      if (isAdminPath(path)) {
        await handleAdmin(req, res, path, sandbox, manager, limits.maxBodyBytes);
        return;
      }
      sandbox.admitRequest();
      if (isFunctionApiPath(path)) {
        await handleFunctionApi(req, res, path, sandbox, limits.maxBodyBytes);
        return;
      }
      if (isStoragePath(path)) {
        const { deployment } = await sandbox.load();
        await handleStorage(req, res, path, url.searchParams, deployment, limits.maxBodyBytes);
        return;
      }
      if (isIdentityProviderPath(path) && (req.method === "GET" || req.method === "HEAD")) {
        const { deployment } = await sandbox.load();
        const document = await identityProviderDocument(deployment.auth, path);
        if (document !== null) {
          sendJson(res, 200, document);
          return;
        }
      }
      throw new HttpError(404, "NotFound", `No route for ${req.method} ${path}. HTTP actions are served on the site URL.`);
    } catch (e) {
      respondWithError(res, e, log);
    }
  };
}

export function respondWithError(res: ServerResponse, e: unknown, log: (line: string) => void): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HttpError || e instanceof QuotaError) {
    sendError(res, e.status, e.code, e.message);
    return;
  }
  log(`Internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  sendError(res, 500, "InternalServerError", e instanceof Error ? e.message : String(e));
}
