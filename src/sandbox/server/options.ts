/** Configuration of the sandbox server, with its defaults. */
import type { Deployment, DeploymentOptions, Executor } from "../runtime/types.js";
import type { Durability } from "./persistence/store.js";

export interface SandboxLimits {
  /** Documents stored per sandbox. */
  maxDocuments: number;
  /** Bytes of document data stored per sandbox. */
  maxBytes: number;
  /** Largest HTTP request body (function calls, pushes, uploads). */
  maxBodyBytes: number;
  /** Largest WebSocket frame accepted from a client. */
  maxFrameBytes: number;
  /** Sustained requests per second per sandbox (bursts up to twice this). */
  requestsPerSecond: number;
  /** Sandboxes one server holds. */
  maxSandboxes: number;
  /** Sandboxes created per minute across the server. */
  sandboxCreationsPerMinute: number;
  /** Open WebSocket connections per sandbox. */
  maxConnections: number;
  /** CPU time one query or mutation may use, ms (isolates; node:vm counts its own evaluation time). */
  queryMutationTimeoutMs: number;
  /** Time one action may run, waiting included (as on Convex), ms. */
  actionTimeoutMs: number;
  /** Memory cap of one sandbox's isolate, MB. */
  isolateMemoryMb: number;
}

export interface SandboxServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Cloud port: HTTP API, WebSocket, admin API (default 3210; 0 = ephemeral). */
  port?: number;
  /** Site port: HTTP actions (default port + 1; 0 = ephemeral). */
  sitePort?: number;
  /** Public origins when behind a proxy (default http://host:port). */
  publicCloudUrl?: string;
  publicSiteUrl?: string;
  /** Folder for the SQLite database and file blobs; null keeps everything in memory. */
  dataDir?: string | null;
  /** SQLite synchronous mode: "normal" survives kill -9, "full" also power loss. */
  durability?: Durability;
  /** Files of the root deployment (served at the bare URLs); null = multi-sandbox API only. */
  rootFiles?: Record<string, string> | null;
  /**
   * Environment variables set on the root deployment at start (kept with its
   * data, like `npx convex env set`; variables not named here keep their stored values).
   */
  rootEnvironmentVariables?: Record<string, string>;
  /** Idle time after which a sandbox is deleted (ms; 0 = never). */
  sandboxIdleExpiryMs?: number;
  /** Idle time after which a sandbox's deployment is unloaded from memory (data stays on disk). */
  sandboxUnloadAfterMs?: number;
  /** Which executor runs user code: isolates (default) or in-process node:vm. */
  executor?: "isolate" | "inprocess";
  limits?: Partial<SandboxLimits>;
  /** Sync: idle time before a Ping (ms). */
  pingIntervalMs?: number;
  /** Sync: Transitions longer than this go out as TransitionChunks. */
  maxTransitionBytes?: number;
  /** Creates a deployment; defaults to the runtime deployment with the platform services attached. */
  createDeployment?: (options: DeploymentOptions & { limits?: RuntimeLimitOptions }) => Deployment | Promise<Deployment>;
  /** Creates the executor for a sandbox; overrides `executor`. */
  createExecutor?: (limits: SandboxLimits) => Executor | undefined;
  /** Logs server events (default: console.log; pass () => {} to silence). */
  log?: (line: string) => void;
}

/** Time budgets handed to the runtime with each deployment. */
export interface RuntimeLimitOptions {
  queryMutationTimeoutMs?: number;
  actionTimeoutMs?: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  maxDocuments: 100_000,
  maxBytes: 256 * 1024 * 1024,
  maxBodyBytes: 20 * 1024 * 1024,
  maxFrameBytes: 20 * 1024 * 1024,
  requestsPerSecond: 200,
  maxSandboxes: 1000,
  sandboxCreationsPerMinute: 120,
  maxConnections: 500,
  queryMutationTimeoutMs: 1000,
  actionTimeoutMs: 60_000,
  isolateMemoryMb: 64,
};
