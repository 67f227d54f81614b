/**
 * WebSocket sync endpoint: `<deployment>/api/<version>/sync` and
 * `<deployment>/api/sync`. Each connection gets a `SyncSession` on its
 * sandbox's deployment. Binary or oversize frames end the connection with
 * a FatalError.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { SyncSession } from "../sync/session.js";
import type { SandboxLimits } from "./options.js";
import { resolveSandbox } from "./http/cloud-handler.js";
import type { SandboxManager } from "./sandboxes/manager.js";
import { QuotaError, type LoadedSandbox, type Sandbox } from "./sandboxes/sandbox.js";

const SYNC_PATH = /^\/api\/(?:[^/]+\/)?sync$/;

export interface SyncEndpointOptions {
  limits: SandboxLimits;
  pingIntervalMs?: number;
  maxTransitionBytes?: number;
  log(line: string): void;
}

export function createSyncEndpoint(getManager: () => SandboxManager, options: SyncEndpointOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    // Frames a little over the limit still arrive, so the client gets a FatalError naming the limit.
    maxPayload: options.limits.maxFrameBytes + 64 * 1024,
    perMessageDeflate: false,
  });

  function reject(socket: Duplex, status: number, message: string): void {
    socket.end(`HTTP/1.1 ${status} ${message}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => socket.destroy());
    const url = new URL(req.url ?? "/", "http://localhost");
    const target = resolveSandbox(url.pathname, getManager());
    if (!SYNC_PATH.test(target.path)) return reject(socket, 404, "Not Found");
    if (!target.sandbox) return reject(socket, 404, "Not Found");
    const sandbox = target.sandbox;
    if (sandbox.connections.size >= options.limits.maxConnections) return reject(socket, 429, "Too Many Requests");
    let loaded: LoadedSandbox;
    try {
      loaded = await sandbox.load();
    } catch (e) {
      options.log(`Sandbox ${sandbox.id} failed to load: ${String(e)}`);
      return reject(socket, 500, "Internal Server Error");
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, sandbox, loaded));
  }

  function attach(ws: WebSocket, sandbox: Sandbox, { deployment, feed, cache }: LoadedSandbox): void {
    const connection = { close: () => ws.close(1001, "Sandbox deleted") };
    sandbox.connections.add(connection);
    sandbox.touch();
    const session = new SyncSession({
      deployment,
      feed,
      cache,
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      close: (code, reason) => ws.close(code, reason),
      isAdminKey: (key) => sandbox.isAdminKey(key),
      pingIntervalMs: options.pingIntervalMs,
      maxTransitionBytes: options.maxTransitionBytes,
      admit: () => {
        try {
          sandbox.admitRequest();
          sandbox.admitWrite();
          return null;
        } catch (e) {
          if (e instanceof QuotaError) return e.message;
          throw e;
        }
      },
    });
    ws.on("message", (data: RawData, isBinary: boolean) => {
      sandbox.touch();
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
      if (size > options.limits.maxFrameBytes) {
        session.fatal(`Message of ${size} bytes exceeds the limit of ${options.limits.maxFrameBytes} bytes`);
        return;
      }
      if (isBinary) {
        session.fatal("Binary WebSocket messages are not supported; send JSON text frames");
        return;
      }
      session.receive(Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data as Buffer).toString("utf8"));
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      session.dispose();
      sandbox.connections.delete(connection);
      sandbox.touch();
    });
  }

  return {
    wss,
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      upgrade(req, socket, head).catch((e: unknown) => {
        options.log(`WebSocket upgrade failed: ${String(e)}`);
        socket.destroy();
      });
    },
  };
}
