/**
 * The sandbox server's small admin API, as the playground uses it:
 * create a sandbox, push files, reset data, mint test identities.
 */

export interface SandboxInfo {
  id: string;
  /** Deployment URL for the convex clients: `<server>/s/<id>`. */
  url: string;
  /** HTTP actions URL: `<site>/s/<id>`. */
  siteUrl: string;
  adminKey: string;
}

export interface PushError {
  /** Path inside the playground, e.g. `convex/tasks.ts`. */
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

export type UdfType = "query" | "mutation" | "action" | "httpAction";

export interface FunctionInfo {
  /** `tasks:list`, `folder/file:fn`. */
  path: string;
  udfType: UdfType;
  visibility: "public" | "internal";
  /** The args validator as `exportArgs()` produces it (parsed), or null. */
  args: unknown;
  returns: unknown;
}

export type PushResult = { ok: true; functions: FunctionInfo[]; raw: unknown } | { ok: false; errors: PushError[] };

/** Thrown when the server cannot be reached at all (nothing listening, blocked by CORS...). */
export class SandboxUnreachableError extends Error {}
/** Thrown when the server no longer knows the sandbox (expired or deleted). */
export class SandboxGoneError extends Error {}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new SandboxUnreachableError(`Could not reach the sandbox server at ${new URL(url).origin}: ${(error as Error).message}`);
  }
}

async function failure(response: Response, what: string): Promise<Error> {
  const text = await response.text().catch(() => "");
  let message = text;
  try {
    const json = JSON.parse(text);
    message = json.message ?? json.error ?? text;
  } catch {
    /* plain text */
  }
  if (response.status === 404 || response.status === 401 || response.status === 403) {
    return new SandboxGoneError(`${what}: ${response.status} ${message}`);
  }
  return new Error(`${what} failed (HTTP ${response.status}): ${message}`);
}

export async function createSandbox(serverUrl: string): Promise<SandboxInfo> {
  const response = await request(`${serverUrl}/api/sandboxes`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  if (!response.ok) throw await failure(response, "Creating a sandbox");
  const json = await response.json();
  for (const key of ["id", "url", "siteUrl", "adminKey"]) {
    if (typeof json[key] !== "string") throw new Error(`The sandbox server answered without "${key}".`);
  }
  return { id: json.id, url: json.url, siteUrl: json.siteUrl, adminKey: json.adminKey };
}

function adminHeaders(sandbox: SandboxInfo): Record<string, string> {
  return { "Content-Type": "application/json", Authorization: `Convex ${sandbox.adminKey}` };
}

function normalizeVisibility(value: unknown): "public" | "internal" {
  const kind = typeof value === "object" && value !== null ? (value as { kind?: unknown }).kind : value;
  return kind === "internal" ? "internal" : "public";
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** `files` are keyed relative to the functions folder (`tasks.ts`); errors come back as `convex/<file>`. */
export async function pushFiles(sandbox: SandboxInfo, files: Record<string, string>): Promise<PushResult> {
  const response = await request(`${sandbox.url}/api/sandbox/push`, {
    method: "POST",
    headers: adminHeaders(sandbox),
    body: JSON.stringify({ files }),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* handled below */
  }
  if (json && Array.isArray(json.errors) && json.errors.length > 0) {
    return {
      ok: false,
      errors: json.errors.map((e: any) => ({
        file: typeof e.file === "string" && e.file ? `convex/${e.file.replace(/^convex\//, "")}` : null,
        line: typeof e.line === "number" ? e.line : null,
        column: typeof e.column === "number" ? e.column : null,
        message: String(e.message ?? e),
      })),
    };
  }
  if (!response.ok || !json) {
    if (response.status === 404 || response.status === 401 || response.status === 403) throw new SandboxGoneError(`Push: ${response.status} ${text}`);
    throw new Error(`Push failed (HTTP ${response.status}): ${json?.message ?? text}`);
  }
  const functions: FunctionInfo[] = (json.functions ?? []).map((f: any) => ({
    path: String(f.path),
    udfType: f.udfType,
    visibility: normalizeVisibility(f.visibility),
    args: parseMaybeJson(f.args),
    returns: parseMaybeJson(f.returns),
  }));
  return { ok: true, functions, raw: json };
}

export async function resetSandbox(sandbox: SandboxInfo): Promise<void> {
  const response = await request(`${sandbox.url}/api/sandbox/reset`, { method: "POST", headers: adminHeaders(sandbox), body: "{}" });
  if (!response.ok) throw await failure(response, "Resetting the sandbox");
}
