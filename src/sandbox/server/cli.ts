/**
 * `npm run sandbox -- [--dir convex] [options]`: the sandbox server from the
 * command line. With `--dir`, serves that functions folder as the root
 * deployment (like `npx convex dev --local`), re-pushing on every change.
 * Without it, serves only the multi-sandbox API. Run with `--help` for flags;
 * every flag also has an environment variable.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { PushResult } from "../runtime/types.js";
import { parseAssignment, readEnvFile } from "./env-file.js";
import { readFunctionsFolder, watchFunctionsFolder } from "./folder.js";
import { startSandboxServer } from "./index.js";
import { DEFAULT_LIMITS, type SandboxLimits } from "./options.js";
import { formatPushErrors } from "./push-report.js";

const HELP = `Usage: npm run sandbox -- [options]

  --dir <folder>           Convex functions folder to serve as the root deployment   (SANDBOX_DIR)
  --host <host>            interface to listen on, default 127.0.0.1                 (SANDBOX_HOST)
  --port <n>               cloud port: HTTP API + WebSocket, default 3210            (SANDBOX_PORT)
  --site-port <n>          site port: HTTP actions, default port + 1                 (SANDBOX_SITE_PORT)
  --public-url <url>       public cloud origin when behind a proxy                   (SANDBOX_PUBLIC_URL)
  --public-site-url <url>  public site origin when behind a proxy                    (SANDBOX_PUBLIC_SITE_URL)
  --data-dir <folder>      SQLite data and file blobs, default .sandbox-data;
                           "none" keeps everything in memory                         (SANDBOX_DATA_DIR)
  --durability <mode>      normal (survives kill -9) or full (also power loss)       (SANDBOX_DURABILITY)
  --executor <kind>        isolate (default) or inprocess                            (SANDBOX_EXECUTOR)
  --idle-expiry <seconds>  delete sandboxes idle this long, default 86400; 0 = never (SANDBOX_IDLE_EXPIRY)
  --max-sandboxes <n>      sandboxes per server, default ${DEFAULT_LIMITS.maxSandboxes}                      (SANDBOX_MAX_SANDBOXES)
  --max-creations <n>      sandbox creations per minute, default ${DEFAULT_LIMITS.sandboxCreationsPerMinute}              (SANDBOX_MAX_CREATIONS)
  --max-connections <n>    WebSocket connections per sandbox, default ${DEFAULT_LIMITS.maxConnections}          (SANDBOX_MAX_CONNECTIONS)
  --max-documents <n>      documents per sandbox, default ${DEFAULT_LIMITS.maxDocuments}                 (SANDBOX_MAX_DOCUMENTS)
  --max-bytes <n>          document bytes per sandbox, default ${DEFAULT_LIMITS.maxBytes}        (SANDBOX_MAX_BYTES)
  --max-body-bytes <n>     largest request body, default ${DEFAULT_LIMITS.maxBodyBytes}                (SANDBOX_MAX_BODY_BYTES)
  --rps <n>                requests per second per sandbox, default ${DEFAULT_LIMITS.requestsPerSecond}           (SANDBOX_RPS)
  --timeout <ms>           query/mutation CPU time, default ${DEFAULT_LIMITS.queryMutationTimeoutMs}                  (SANDBOX_TIMEOUT_MS)
  --action-timeout <ms>    action running time, default ${DEFAULT_LIMITS.actionTimeoutMs}                    (SANDBOX_ACTION_TIMEOUT_MS)
  --memory-mb <n>          isolate memory cap, default ${DEFAULT_LIMITS.isolateMemoryMb}                           (SANDBOX_MEMORY_MB)
  --env NAME=value         set an environment variable of the --dir deployment
                           (process.env.NAME in functions); repeatable; kept with
                           its data, like \`npx convex env set\`
  --env-file <path>        set the variables of a .env-style file (NAME=value lines)  (SANDBOX_ENV_FILE)
  --no-watch               push the folder once instead of watching it
  --help                   this text
`;

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    host: { type: "string" },
    port: { type: "string" },
    "site-port": { type: "string" },
    "public-url": { type: "string" },
    "public-site-url": { type: "string" },
    "data-dir": { type: "string" },
    durability: { type: "string" },
    executor: { type: "string" },
    "idle-expiry": { type: "string" },
    "max-sandboxes": { type: "string" },
    "max-documents": { type: "string" },
    "max-creations": { type: "string" },
    "max-connections": { type: "string" },
    "max-bytes": { type: "string" },
    "max-body-bytes": { type: "string" },
    rps: { type: "string" },
    timeout: { type: "string" },
    "action-timeout": { type: "string" },
    "memory-mb": { type: "string" },
    env: { type: "string", multiple: true },
    "env-file": { type: "string" },
    "no-watch": { type: "boolean" },
    help: { type: "boolean" },
  },
  strict: true,
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function setting(flag: keyof typeof values, env: string): string | undefined {
  const v = values[flag];
  return typeof v === "string" ? v : process.env[env];
}

function number(flag: keyof typeof values, env: string): number | undefined {
  const raw = setting(flag, env);
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`✖ --${flag} (${env}) must be a non-negative number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

function oneOf<T extends string>(flag: keyof typeof values, env: string, allowed: T[]): T | undefined {
  const raw = setting(flag, env);
  if (raw === undefined) return undefined;
  if (!allowed.includes(raw as T)) {
    console.error(`✖ --${flag} (${env}) must be one of ${allowed.join(", ")}, got "${raw}"`);
    process.exit(2);
  }
  return raw as T;
}

const dir = setting("dir", "SANDBOX_DIR");
const folder = dir ? resolve(dir) : null;
const dataDirSetting = setting("data-dir", "SANDBOX_DATA_DIR") ?? ".sandbox-data";
const dataDir = dataDirSetting === "none" ? null : resolve(dataDirSetting);
const limits: Partial<SandboxLimits> = {};
const limitFlags: Array<[keyof typeof values, string, keyof SandboxLimits]> = [
  ["max-sandboxes", "SANDBOX_MAX_SANDBOXES", "maxSandboxes"],
  ["max-documents", "SANDBOX_MAX_DOCUMENTS", "maxDocuments"],
  ["max-creations", "SANDBOX_MAX_CREATIONS", "sandboxCreationsPerMinute"],
  ["max-connections", "SANDBOX_MAX_CONNECTIONS", "maxConnections"],
  ["max-bytes", "SANDBOX_MAX_BYTES", "maxBytes"],
  ["max-body-bytes", "SANDBOX_MAX_BODY_BYTES", "maxBodyBytes"],
  ["rps", "SANDBOX_RPS", "requestsPerSecond"],
  ["timeout", "SANDBOX_TIMEOUT_MS", "queryMutationTimeoutMs"],
  ["action-timeout", "SANDBOX_ACTION_TIMEOUT_MS", "actionTimeoutMs"],
  ["memory-mb", "SANDBOX_MEMORY_MB", "isolateMemoryMb"],
];
for (const [flag, env, key] of limitFlags) {
  const n = number(flag, env);
  if (n !== undefined) limits[key] = n;
}
const idleExpiry = number("idle-expiry", "SANDBOX_IDLE_EXPIRY");

/** `--env-file`, then each `--env` (later ones win); null when neither is given. */
function environmentVariables(): Record<string, string> | null {
  const file = setting("env-file", "SANDBOX_ENV_FILE");
  const assignments = values.env ?? [];
  if (!file && assignments.length === 0) return null;
  if (!folder) {
    console.error("✖ --env and --env-file set the variables of the root deployment: they need --dir");
    process.exit(2);
  }
  const fail = (flag: string, e: unknown): never => {
    console.error(`✖ ${flag}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  };
  let vars: Record<string, string> = {};
  try {
    if (file) vars = readEnvFile(resolve(file));
  } catch (e) {
    fail("--env-file", e);
  }
  for (const assignment of assignments) {
    try {
      const [name, value] = parseAssignment(assignment);
      vars[name] = value;
    } catch (e) {
      fail("--env", e);
    }
  }
  return vars;
}
const rootEnv = environmentVariables();

function readFolderOrExit(): Record<string, string> {
  try {
    return readFunctionsFolder(folder!);
  } catch (e) {
    console.error(`✖ Cannot read ${folder}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

function time(): string {
  return new Date().toLocaleTimeString("en-GB", { hour12: false });
}

function report(result: PushResult | null, startedAt: number): void {
  if (!result) return;
  if (result.ok) {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
    console.log(`✔ ${time()} Convex functions ready! (${result.functions.length} functions, ${seconds}s)`);
  } else {
    console.error(formatPushErrors(result.errors));
  }
}

const port = number("port", "SANDBOX_PORT");
const startedAt = performance.now();
const server = await startSandboxServer({
  host: setting("host", "SANDBOX_HOST"),
  port: port ?? 3210,
  sitePort: number("site-port", "SANDBOX_SITE_PORT"),
  publicCloudUrl: setting("public-url", "SANDBOX_PUBLIC_URL"),
  publicSiteUrl: setting("public-site-url", "SANDBOX_PUBLIC_SITE_URL"),
  dataDir,
  durability: oneOf("durability", "SANDBOX_DURABILITY", ["normal", "full"]),
  executor: oneOf("executor", "SANDBOX_EXECUTOR", ["isolate", "inprocess"]),
  sandboxIdleExpiryMs: idleExpiry !== undefined ? idleExpiry * 1000 : undefined,
  rootFiles: folder ? readFolderOrExit() : null,
  ...(rootEnv ? { rootEnvironmentVariables: rootEnv } : {}),
  limits,
}).catch((e: unknown) => {
  console.error(`✖ The sandbox server could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

console.log(`Convex sandbox server`);
if (server.root) {
  console.log(`  Deployment URL (API, WebSocket): ${server.cloudUrl}`);
  console.log(`  Site URL (HTTP actions):         ${server.siteUrl}`);
  console.log(`  Admin key:                       ${server.root.adminKey}`);
  console.log(`  Functions folder:                ${folder}`);
  if (rootEnv) console.log(`  Environment variables set:       ${Object.keys(rootEnv).join(", ") || "(none)"}`);
} else {
  console.log(`  Cloud URL: ${server.cloudUrl}    Site URL: ${server.siteUrl}`);
}
console.log(`  Sandboxes:                       POST ${server.cloudUrl}/api/sandboxes`);
console.log(`  Data:                            ${dataDir ?? "in memory"}`);
if (server.root) report(server.root.initialPush, startedAt);

if (folder && server.root && !values["no-watch"]) {
  let pushing: Promise<void> = Promise.resolve();
  watchFunctionsFolder(folder, () => {
    pushing = pushing.then(async () => {
      const started = performance.now();
      const files = readFunctionsFolder(folder);
      report(await server.root!.push(files), started);
    }).catch((e: unknown) => console.error(`✖ ${e instanceof Error ? e.message : String(e)}`));
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}
