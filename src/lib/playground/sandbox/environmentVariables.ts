/**
 * A sandbox's environment variables (`process.env.NAME` in its functions), through the
 * deployment admin routes `npx convex env` uses: `GET /api/list_environment_variables` and
 * `POST /api/update_environment_variables {changes: [{name, value}]}` (value null removes).
 * A refused change rejects with the server's message (Convex's own texts).
 */
import type { SandboxInfo } from "./sandboxApi";

export interface EnvVarChange {
  name: string;
  value: string | null;
}

async function send(sandbox: SandboxInfo, path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", Authorization: `Convex ${sandbox.adminKey}` },
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === "string" ? message : `HTTP ${response.status}: ${text}`);
  }
  return body;
}

/** The variables by name, in name order. */
export async function listEnvironmentVariables(sandbox: SandboxInfo): Promise<Record<string, string>> {
  const body = (await send(sandbox, "/api/list_environment_variables")) as { environmentVariables?: Record<string, string> } | null;
  return body?.environmentVariables ?? {};
}

export async function updateEnvironmentVariables(sandbox: SandboxInfo, changes: EnvVarChange[]): Promise<void> {
  await send(sandbox, "/api/update_environment_variables", { method: "POST", body: JSON.stringify({ changes }) });
}
