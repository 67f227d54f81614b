/**
 * The sandbox admin API. On the server: `POST /api/sandboxes` creates a
 * sandbox. On a sandbox URL, with `Authorization: Convex <adminKey>`:
 * `POST /api/sandbox/push {files}`, `POST /api/sandbox/reset`,
 * `GET /api/sandbox` (functions, files, usage), `POST /api/sandbox/token
 * {claims}` (a test JWT, when the deployment has auth), and `DELETE` on the
 * sandbox URL itself. Environment variables use Convex's own admin routes
 * (as `npx convex env` calls them): `POST /api/update_environment_variables
 * {changes: [{name, value}]}` (value null removes) and
 * `GET /api/list_environment_variables` → `{environmentVariables}`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { EnvironmentVariableError, type EnvVarChange } from "../../runtime/environment/variables.js";
import { formatPushErrors } from "../push-report.js";
import type { SandboxManager } from "../sandboxes/manager.js";
import type { Sandbox } from "../sandboxes/sandbox.js";
import { readJsonObject } from "./body.js";
import { adminIdentity } from "./caller.js";
import { HttpError } from "./errors.js";
import { sendJson } from "./responses.js";

export async function createSandbox(req: IncomingMessage, res: ServerResponse, manager: SandboxManager): Promise<void> {
  if (req.method !== "POST") throw new HttpError(405, "MethodNotAllowed", "/api/sandboxes only accepts POST requests.");
  const sandbox = manager.create();
  sendJson(res, 201, { id: sandbox.id, url: sandbox.cloudUrl, siteUrl: sandbox.siteUrl, adminKey: sandbox.record.adminKey });
}

const UPDATE_ENV = "/api/update_environment_variables";
const LIST_ENV = "/api/list_environment_variables";

/** True when `path` (relative to the sandbox URL) is an admin route. */
export function isAdminPath(path: string): boolean {
  return path === "" || path === "/" || path === "/api/sandbox" || path.startsWith("/api/sandbox/") || path === UPDATE_ENV || path === LIST_ENV;
}

export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  sandbox: Sandbox,
  manager: SandboxManager,
  maxBodyBytes: number,
): Promise<void> {
  adminIdentity(req.headers.authorization, sandbox);
  const route = `${req.method} ${path === "/" ? "" : path}`;
  switch (route) {
    case "DELETE ":
      await manager.delete(sandbox.id);
      sendJson(res, 200, { deleted: sandbox.id });
      return;
    case "GET /api/sandbox": {
      const { deployment, commitLog } = await sandbox.load();
      sendJson(res, 200, {
        id: sandbox.id,
        url: sandbox.cloudUrl,
        siteUrl: sandbox.siteUrl,
        functions: deployment.functions(),
        files: deployment.files(),
        usage: commitLog.usage,
      });
      return;
    }
    case "POST /api/sandbox/push": {
      const files = parseFiles((await readJsonObject(req, maxBodyBytes)).files);
      const result = await sandbox.push(files);
      if (result.ok) sendJson(res, 200, result);
      else sendJson(res, 400, { ...result, message: formatPushErrors(result.errors) });
      return;
    }
    case "POST /api/sandbox/reset":
      await sandbox.reset();
      sendJson(res, 200, { reset: sandbox.id });
      return;
    case "POST /api/sandbox/token": {
      const body = await readJsonObject(req, maxBodyBytes);
      const { deployment } = await sandbox.load();
      if (!deployment.auth) throw new HttpError(404, "NoAuth", "This deployment has no authentication service.");
      const claims = body.claims;
      if (typeof claims !== "object" || claims === null || typeof (claims as { subject?: unknown }).subject !== "string") {
        throw new HttpError(400, "BadJsonBody", "`claims` must be an object with a string `subject`.");
      }
      sendJson(res, 200, { token: await deployment.auth.mint(claims as { subject: string }) });
      return;
    }
    case `GET ${LIST_ENV}`:
      sendJson(res, 200, { environmentVariables: sandbox.environmentVariables() });
      return;
    case `POST ${UPDATE_ENV}`: {
      const changes = parseEnvChanges((await readJsonObject(req, maxBodyBytes)).changes);
      try {
        await sandbox.updateEnvironmentVariables(changes);
      } catch (e) {
        if (e instanceof EnvironmentVariableError) throw new HttpError(400, e.code, e.message);
        throw e;
      }
      sendJson(res, 200, {});
      return;
    }
    default:
      throw new HttpError(404, "NotFound", `No admin route for ${req.method} ${path || "/"}.`);
  }
}

function parseFiles(raw: unknown): Record<string, string> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new HttpError(400, "BadJsonBody", "`files` must be an object mapping file paths to their source text.");
  }
  const files: Record<string, string> = {};
  for (const [name, source] of Object.entries(raw)) {
    if (typeof source !== "string") throw new HttpError(400, "BadJsonBody", `File "${name}" must be a string of source text.`);
    const normalized = name.replace(/^\.?\/+/, "").replace(/^convex\//, "");
    if (normalized.length === 0 || normalized.split("/").some((s) => s === ".." || s === "") || normalized.startsWith("/")) {
      throw new HttpError(400, "BadFilePath", `Invalid file path "${name}": use a relative path such as "messages.ts".`);
    }
    files[normalized] = source;
  }
  return files;
}

function parseEnvChanges(raw: unknown): EnvVarChange[] {
  const shape = "`changes` must be an array of {name: string, value: string | null} (null removes the variable).";
  if (!Array.isArray(raw)) throw new HttpError(400, "BadJsonBody", shape);
  return raw.map((change: unknown) => {
    const c = change as { name?: unknown; value?: unknown } | null;
    if (typeof c !== "object" || c === null || typeof c.name !== "string" || !(typeof c.value === "string" || c.value === null || c.value === undefined)) {
      throw new HttpError(400, "BadJsonBody", shape);
    }
    return { name: c.name, value: typeof c.value === "string" ? c.value : null };
  });
}
