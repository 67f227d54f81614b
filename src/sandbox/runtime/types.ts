/**
 * The runtime layer's public contract.
 *
 * - `Executor`: hosts the bundled user code (plus the real `convex` package
 *   code bundled with it) in a JavaScript context and forwards the
 *   `Convex.syscall / asyncSyscall` calls that code makes to a `SyscallHost`.
 *   Two implementations: in-process (`node:vm`, for tests and the embedded
 *   API) and isolates (`isolated-vm`, for untrusted code on the server).
 * - `Deployment`: one sandbox deployment — code, schema, data — as the
 *   server, the platform services, the tests and the benchmarks use it.
 *
 * Everything crossing the executor boundary is a string or plain JSON, so an
 * isolate can implement it.
 */
import type { UserIdentity } from "convex/server";
import type { Commit, CommitLog, ReadSet, Timestamp } from "../database/types.js";

/** A JSON value as `convexToJson` produces it (Convex's `convex_encoded_json`). */
export type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

export type UdfType = "query" | "mutation" | "action";

// ---------------------------------------------------------------- executor

/**
 * The host side of the syscall ABI. Arguments and results are JSON strings,
 * exactly as `convex/src/server/impl/syscall.ts` passes them.
 */
export interface SyscallHost {
  syscall(op: string, argsJson: string): string;
  asyncSyscall(op: string, argsJson: string): Promise<string>;
  /**
   * Optional fast path for async ops whose host side is synchronous (database
   * reads and writes): answers right away, or returns null when the op must go
   * through `asyncSyscall`. Throws like `asyncSyscall` rejects.
   */
  asyncSyscallImmediate?(op: string, argsJson: string): string | null;
  /** One captured console line: level is log | info | warn | error | debug. */
  log(level: string, message: string): void;
}

/** Per-call environment the executor installs before running user code. */
export interface CallEnvironment {
  /** Queries and mutations: Date frozen at `nowMs`, seeded Math.random, fetch/setTimeout refused. */
  deterministic: boolean;
  nowMs: number;
  /** Seed for the call's Math.random / crypto.getRandomValues when deterministic. */
  seed: number;
  /** Wall-clock budget for the call's own JavaScript, in milliseconds. */
  timeoutMs: number;
  /**
   * Total wall-clock limit for the call, waiting included, in milliseconds:
   * ends a call whose promise never settles (it would hold the deployment's
   * query/mutation turn forever). None when absent.
   */
  wallClockMs?: number;
  /** What `process.env` holds during the call: the deployment's variables plus `CONVEX_CLOUD_URL`, `CONVEX_SITE_URL`. */
  processEnv?: Record<string, string>;
}

/** A serialized HTTP request/response for HTTP actions (bodies base64). */
export interface SerializedRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  bodyBase64: string | null;
}
export interface SerializedResponse {
  status: number;
  statusText?: string;
  headers: Array<[string, string]>;
  bodyBase64: string | null;
}

/** What evaluating a bundle found in each module's exports. */
export interface ModuleExportInfo {
  /** Module path without extension, e.g. `messages` or `folder/file`. */
  module: string;
  /** Export name (`default` for default exports). */
  name: string;
  kind: UdfType | "httpAction" | "router" | "crons" | "schema" | "other";
  visibility: "public" | "internal" | null;
  /** `exportArgs()` / `exportReturns()` parsed, or null. */
  args: JSONValue | null;
  returns: JSONValue | null;
}

/** Thrown (rejected) by `LoadedBundle.invoke` when user code throws. */
export interface UserCodeError {
  /** "Uncaught Error: boom" style text, with a stack trace mapped to source where possible. */
  message: string;
  /** For a thrown ConvexError: the data JSON (already parsed from the stringified form). */
  errorData?: JSONValue;
  /** True when the executor ended the call (timeout, memory) rather than user code throwing. */
  terminated?: boolean;
  /** What was thrown, before formatting: lets a nested call's failure propagate as its own message. */
  thrown?: { name: string | null; message: string };
  /** Import-time errors: the user-file position the error was thrown at, when known. */
  location?: { file: string; line: number; column: number };
}

export interface InvokeRequest {
  module: string;
  name: string;
  udfType: UdfType;
  /** `JSON.stringify(convexToJson([args]))`. */
  argsJson: string;
  requestId: string;
  env: CallEnvironment;
  host: SyscallHost;
}

export interface InvokeHttpRequest {
  /** Module `http`, export `default` (the router). */
  request: SerializedRequest;
  requestId: string;
  env: CallEnvironment;
  host: SyscallHost;
}

export interface LoadedBundle {
  exports: ModuleExportInfo[];
  /** `schema.export()` of `schema.ts`'s default export, parsed; null when there is no schema. */
  schema: JSONValue | null;
  /** `crons.export()` of `crons.ts`'s default export, parsed; null when none. */
  crons: JSONValue | null;
  /** `getRoutes()` of `http.ts`'s router (path, or `prefix*` for prefix routes). */
  httpRoutes?: Array<{ path: string; method: string }>;
  /** Runs one registered function; resolves to the result JSON string. Rejects with UserCodeError. */
  invoke(req: InvokeRequest): Promise<string>;
  /** Runs the `http` router against a request. Rejects with UserCodeError. */
  invokeHttp(req: InvokeHttpRequest): Promise<SerializedResponse>;
  dispose(): void;
}

/** A bundle: one classic script that sets `globalThis.__convexModules = { [module]: namespace }`. */
export interface Bundle {
  code: string;
  /** Source map (JSON) for mapping stack traces back to the user's files. */
  sourceMap: string | null;
  modules: string[];
}

export interface Executor {
  /** Evaluates the bundle in fresh context(s). Import-time errors reject with UserCodeError. */
  load(bundle: Bundle): Promise<LoadedBundle>;
  dispose(): void;
}

// -------------------------------------------------------------- deployment

export interface FunctionInfo {
  /** `dir/file:fn` (`file:default` for default exports). */
  path: string;
  udfType: UdfType;
  visibility: "public" | "internal";
  args: JSONValue | null;
  returns: JSONValue | null;
}

export interface PushError {
  /** Path relative to the functions folder, e.g. `messages.ts`. */
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

export type PushResult =
  | { ok: true; functions: FunctionInfo[]; httpRoutes: Array<{ path: string; method: string }>; hasSchema: boolean }
  | { ok: false; errors: PushError[] };

export interface CallRequest {
  /** `dir/file:fn`; `dir/file` means `dir/file:default`; a trailing `.js` is ignored. */
  path: string;
  /** The args object in `convex_encoded_json` form (not wrapped in an array). */
  args: JSONValue;
  identity?: UserIdentity | null;
  requestId?: string;
  /** When set, the call fails unless the function is of this type (real Convex's type check). */
  expectedType?: UdfType;
  /** Allow calling internal functions (scheduler, crons, dashboard-style admin calls). */
  allowInternal?: boolean;
  /**
   * Queries from a sync subscription: the query journal the client sent back
   * (opaque; holds a paginated query's end cursor). Null/absent = first run.
   */
  journal?: string | null;
  /** Queries: read at this snapshot instead of the latest (`/api/query_at_ts`); ignored when unsupported. */
  ts?: Timestamp;
}

export interface CallOutcome {
  status: "success" | "error";
  /** convex_encoded_json of the return value, on success. */
  value?: JSONValue;
  errorMessage?: string;
  errorData?: JSONValue;
  logLines: string[];
  /** Queries and mutations: the timestamp the result reflects (mutations: commit ts). */
  ts: Timestamp;
  /** Queries: what was read, for subscriptions. */
  readSet?: ReadSet;
  /** Wall time of the call, ms. */
  durationMs: number;
  /** Queries: the journal to store with a subscription and send to the client (null when none). */
  journal?: string | null;
}

export interface Deployment {
  push(files: Record<string, string>): Promise<PushResult>;
  functions(): FunctionInfo[];
  /** Source files of the last successful push. */
  files(): Record<string, string>;
  runQuery(req: CallRequest): Promise<CallOutcome>;
  runMutation(req: CallRequest): Promise<CallOutcome>;
  runAction(req: CallRequest): Promise<CallOutcome>;
  /** Runs whatever the path is registered as (after type and visibility checks). */
  run(req: CallRequest): Promise<CallOutcome>;
  latestTs(): Timestamp;
  /** Listener called after each commit is durable and visible. Returns an unsubscribe function. */
  onCommit(listener: (commit: Commit) => void): () => void;
  /** True when any write in `commit` falls inside `readSet`. */
  readSetOverlaps(readSet: ReadSet, commit: Commit): boolean;
  /** Clears all data (keeps code and schema). */
  reset(): Promise<void>;
  /** The deployment's environment variables (`process.env` in functions, besides the built-in URLs), by name. */
  environmentVariables(): Record<string, string>;
  /** The same variables as Convex's `_environment_variables` documents, in name order. */
  environmentVariableDocuments(): EnvironmentVariableDocument[];
  /**
   * Sets (`value` a string) or removes (`value` null) variables, all or none,
   * with Convex's rules; throws EnvironmentVariableError. Functions see the new
   * values from their next call on, top-level code included.
   */
  updateEnvironmentVariables(changes: ReadonlyArray<{ name: string; value: string | null }>): Promise<void>;
  dispose(): Promise<void>;

  // Platform services (src/sandbox/platform); the server routes requests to them.
  /** Runs `convex/http.ts`'s router for a request that arrived on the site URL. */
  runHttpAction?(req: SerializedRequest, identity?: UserIdentity | null): Promise<SerializedResponse>;
  /** File storage: upload-URL POSTs and `getUrl` downloads arrive here. */
  storage?: StorageService;
  /** Authentication: turns a bearer token into an identity, and mints test tokens. */
  auth?: AuthService;
}

export interface StoredFile {
  storageId: string;
  contentType: string | null;
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

export interface StorageService {
  /** Stores the body POSTed to an upload URL. Throws Error with a clear message on a bad/expired token or size. */
  upload(token: string, bytes: Uint8Array, contentType: string | null, digest: string | null): Promise<{ storageId: string }>;
  /** The file behind a `getUrl` URL's last path segment, or null. */
  download(urlKey: string): Promise<StoredFile | null>;
}

export interface AuthService {
  /** Verifies a JWT as Convex does for the configured providers; throws Error(reason) when invalid. */
  verify(token: string): Promise<UserIdentity>;
  /** Test identity provider: signs a JWT for the given claims (subject required). */
  mint(claims: { subject: string; name?: string; email?: string; [claim: string]: unknown }): Promise<string>;
}

export interface DeploymentOptions {
  files?: Record<string, string>;
  executor?: Executor;
  commitLog?: CommitLog;
  /** Deployment name reported by `getDeploymentMetadata`, and used in errors. */
  name?: string;
  /** Public URLs of this deployment (used for storage URLs, upload URLs, the test JWT issuer). */
  cloudUrl?: string;
  siteUrl?: string;
  /** Folder for data that does not live in the commit log (file blobs); memory when absent. */
  dataDir?: string | null;
  /** Environment variables to start with (checked like `updateEnvironmentVariables`). */
  environmentVariables?: Record<string, string>;
  /** The `_id` and `_creationTime` of those variables' documents, by name, where an earlier run gave them one (the others get a new document). */
  environmentVariableDocuments?: Record<string, EnvironmentVariableDocumentFields>;
}

/** An environment variable as Convex keeps it: a document of the system table `_environment_variables`. */
export type EnvironmentVariableDocument = {
  _id: string;
  _creationTime: number;
  name: string;
  value: string;
};

/** A variable's document without the variable: what is kept beside its name and value. */
export type EnvironmentVariableDocumentFields = Pick<EnvironmentVariableDocument, "_id" | "_creationTime">;
