/**
 * The sandbox server: a cloud origin (HTTP API, WebSocket sync, admin and
 * storage routes) and a site origin (HTTP actions), many sandboxes in one
 * process, persisted in SQLite.
 *
 *   const server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null });
 *   server.cloudUrl  // http://127.0.0.1:<port>
 *   await server.close();
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { applyEnvVarChanges, setChanges } from "../runtime/environment/variables.js";
import type { PushResult } from "../runtime/types.js";
import { createCloudHandler } from "./http/cloud-handler.js";
import { createSiteHandler } from "./http/site-server-handler.js";
import { DEFAULT_LIMITS, type SandboxLimits, type SandboxServerOptions } from "./options.js";
import { ServerStore } from "./persistence/store.js";
import { SandboxManager } from "./sandboxes/manager.js";
import type { Sandbox } from "./sandboxes/sandbox.js";
import { createSyncEndpoint } from "./websocket.js";
import { createSandboxExecutor } from "./executor-choice.js";

export type { SandboxServerOptions, SandboxLimits } from "./options.js";
export { DEFAULT_LIMITS } from "./options.js";

export interface SandboxServer {
  cloudUrl: string;
  siteUrl: string;
  /** The root deployment (when `rootFiles` was given). */
  root: { adminKey: string; push(files: Record<string, string>): Promise<PushResult>; initialPush: PushResult | null } | null;
  sandboxes: SandboxManager;
  close(): Promise<void>;
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = options.dataDir ?? null;
  // Bad starting variables fail the start before anything opens or listens.
  if (options.rootEnvironmentVariables) applyEnvVarChanges(new Map(), setChanges(options.rootEnvironmentVariables));
  const store = new ServerStore(dataDir ? join(dataDir, "sandbox.sqlite") : ":memory:", options.durability);
  const createDeployment = options.createDeployment ?? (await loadDefaultDeploymentFactory());

  let manager: SandboxManager | null = null;
  let cloudOrigin = "";
  const getManager = () => {
    if (!manager) throw new Error("The server is still starting");
    return manager;
  };
  const cloud = createServer(createCloudHandler(getManager, limits, log));
  const site = createServer(createSiteHandler(getManager, () => siteOrigin, limits, log));
  const sync = createSyncEndpoint(getManager, {
    limits,
    pingIntervalMs: options.pingIntervalMs,
    maxTransitionBytes: options.maxTransitionBytes,
    log,
  });
  cloud.on("upgrade", (req, socket, head) => sync.handleUpgrade(req, socket, head));
  for (const server of [cloud, site]) {
    server.on("clientError", (_err, socket) => {
      if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      else socket.destroy();
    });
  }

  const cloudPort = await listen(cloud, options.port ?? 3210, host);
  let siteOrigin = "";
  try {
    const sitePort = await listen(site, options.sitePort ?? (options.port === 0 ? 0 : cloudPort + 1), host);
    const urlHost = host.includes(":") ? `[${host}]` : host;
    cloudOrigin = stripSlash(options.publicCloudUrl ?? `http://${urlHost}:${cloudPort}`);
    siteOrigin = stripSlash(options.publicSiteUrl ?? `http://${urlHost}:${sitePort}`);
  } catch (e) {
    cloud.close();
    throw e;
  }

  manager = new SandboxManager(
    {
      store,
      limits,
      dataDir,
      createDeployment,
      createExecutor: () => (options.createExecutor ? options.createExecutor(limits) : createSandboxExecutor(options.executor ?? "isolate", limits)),
      log,
    },
    {
      cloudOrigin,
      siteOrigin,
      idleExpiryMs: options.sandboxIdleExpiryMs ?? 24 * 60 * 60 * 1000,
      unloadAfterMs: options.sandboxUnloadAfterMs ?? 10 * 60 * 1000,
      maxSandboxes: limits.maxSandboxes,
      creationsPerMinute: limits.sandboxCreationsPerMinute,
    },
  );

  let root: SandboxServer["root"] = null;
  if (options.rootFiles) {
    const sandbox: Sandbox = manager.root(options.rootFiles);
    if (options.rootEnvironmentVariables) sandbox.presetEnvironmentVariables(options.rootEnvironmentVariables);
    await sandbox.load();
    const initialPush = sandbox.loadPushResult;
    root = { adminKey: sandbox.record.adminKey, push: (files) => sandbox.push(files), initialPush };
  }

  let closed = false;
  return {
    cloudUrl: cloudOrigin,
    siteUrl: siteOrigin,
    root,
    sandboxes: manager,
    async close() {
      if (closed) return;
      closed = true;
      for (const ws of sync.wss.clients) ws.terminate();
      await Promise.all([closeServer(cloud), closeServer(site)]);
      await manager!.close();
      store.close();
    },
  };
}

/** The runtime deployment with the platform services (scheduler, crons, storage, HTTP actions, auth). */
async function loadDefaultDeploymentFactory(): Promise<NonNullable<SandboxServerOptions["createDeployment"]>> {
  const { createPlatformDeployment } = await import("../platform/attach.ts");
  return createPlatformDeployment;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
