/**
 * The platform services of one deployment — scheduler, crons, file storage,
 * HTTP actions, authentication and outbound fetch — assembled over its
 * database and the runtime's ability to run functions. The runtime's
 * `createDeployment` owns one `Platform`: it registers `platform.syscalls`
 * with its syscall dispatch, calls `start()` once the database is loaded,
 * `onPush(...)` after each successful push, and exposes `runHttpAction`,
 * `storage` and `auth` as the `Deployment` members of the same names.
 */
import { join } from "node:path";
import type { UserIdentity } from "convex/server";
import type { CallOutcome, JSONValue, SerializedRequest, SerializedResponse, UdfType } from "../runtime/types.js";
import { parseAuthConfig } from "./auth/auth-config.js";
import { SandboxAuthService } from "./auth/auth-service.js";
import { loadAuthConfig } from "./auth/load-auth-config.js";
import { CronRunner, parseCronsExport } from "./crons/cron-runner.js";
import { CronStateFile } from "./crons/cron-state-file.js";
import { OutboundFetch } from "./fetch/outbound-fetch.js";
import { requestAuthorization, runHttpAction } from "./http/http-action-runner.js";
import { rejectedTokenIdentity } from "./auth/rejected-token.js";
import type { HttpRoute } from "./http/http-routes.js";
import type { PlatformDatabase, PlatformSyscall, PlatformTransaction } from "./ports.js";
import { Scheduler, type ScheduledRun } from "./scheduler/scheduler.js";
import { FileBlobStore, MemoryBlobStore } from "./storage/blob-store.js";
import { FileStorage } from "./storage/file-storage.js";
import { StorageKeys } from "./storage/storage-keys.js";
import { platformSyscalls } from "./syscalls.js";

export type { PlatformCallContext, PlatformSyscall, PlatformTransaction, PlatformDatabase } from "./ports.js";
export type { ScheduledRun } from "./scheduler/scheduler.js";

/** What the platform needs from the runtime. */
export interface PlatformHost {
  db: PlatformDatabase;
  /** The type of the function at `dir/file:fn` in the current push, or null. */
  functionType(path: string): UdfType | null;
  /** True when the current push has a module at `dir/file` (any extension). */
  moduleExists(modulePath: string): boolean;
  /** True once a push is live. */
  codeLoaded(): boolean;
  /** Runs a scheduled job (internal allowed, no identity; mutations call `beforeCommit` in their transaction). */
  runScheduled(job: ScheduledRun): Promise<CallOutcome>;
  /** Runs a cron job's function, whatever its type (internal allowed, no identity). */
  runCron(path: string, args: JSONValue): Promise<CallOutcome>;
  /** Runs the `http.ts` router for a request (an action environment with the given identity). */
  invokeHttp(req: SerializedRequest, identity: UserIdentity | null): Promise<SerializedResponse>;
}

export interface PlatformOptions {
  cloudUrl: string;
  siteUrl: string;
  /** Blobs and the storage secret go under `{dataDir}/storage`, cron timing in `{dataDir}/crons.json`; memory when null. */
  dataDir?: string | null;
  maxFileBytes?: number;
  allowPublicInternet?: boolean;
}

/** What a successful push tells the platform. */
export interface PushedCode {
  files: Record<string, string>;
  /** `LoadedBundle.crons`. */
  crons: JSONValue | null;
  /** The router's routes, or null when `http.ts` exports no router. */
  httpRoutes: HttpRoute[] | null;
  /** `process.env` of the deployment (its variables and URLs): auth.config.ts is evaluated with it. */
  environmentVariables: Record<string, string>;
}

export class Platform {
  readonly auth: SandboxAuthService;
  readonly storage: FileStorage;
  readonly scheduler: Scheduler;
  readonly crons: CronRunner;
  readonly fetch: OutboundFetch;
  readonly syscalls: Record<string, PlatformSyscall>;
  private httpRoutes: HttpRoute[] | null = null;

  constructor(
    private readonly host: PlatformHost,
    private readonly opts: PlatformOptions,
  ) {
    const dataDir = opts.dataDir ?? null;
    const storageDir = dataDir === null ? null : join(dataDir, "storage");
    this.storage = new FileStorage({
      db: host.db,
      blobs: storageDir === null ? new MemoryBlobStore() : new FileBlobStore(join(storageDir, "blobs")),
      keys: StorageKeys.open(storageDir === null ? null : join(storageDir, "secret")),
      cloudUrl: opts.cloudUrl,
      maxFileBytes: opts.maxFileBytes,
    });
    this.fetch = new OutboundFetch({
      siteUrl: opts.siteUrl,
      cloudUrl: opts.cloudUrl,
      allowPublicInternet: opts.allowPublicInternet,
      runHttpAction: (req) => this.runHttpAction(req, null),
      serveStorage: async (key) => {
        const file = await this.storage.download(key);
        if (!file) return { status: 404, headers: [], bodyBase64: null };
        const headers: Array<[string, string]> = [["content-length", String(file.size)]];
        if (file.contentType) headers.push(["content-type", file.contentType]);
        return { status: 200, headers, bodyBase64: Buffer.from(file.bytes).toString("base64") };
      },
    });
    this.auth = new SandboxAuthService({
      cloudUrl: opts.cloudUrl,
      fetchJson: async (url) => {
        const res = await this.fetch.fetch({ url, method: "GET", headers: [["accept", "application/json"]], bodyBase64: null });
        if (res.status !== 200) throw new Error(`Fetching ${url} for auth.config.ts returned HTTP ${res.status}.`);
        return JSON.parse(Buffer.from(res.bodyBase64 ?? "", "base64").toString("utf8"));
      },
    });
    this.scheduler = new Scheduler({ db: host.db, run: (job) => host.runScheduled(job), functionType: (p) => host.functionType(p), moduleExists: (m) => host.moduleExists(m), codeLoaded: () => host.codeLoaded() });
    this.crons = new CronRunner(
      (path, args) => host.runCron(path, args),
      Date.now,
      dataDir === null ? null : new CronStateFile(join(dataDir, "crons.json")),
    );
    this.syscalls = platformSyscalls({
      scheduler: this.scheduler,
      storage: this.storage,
      readTransaction: () => host.db.begin(),
      writeTransaction: <T>(write: (tx: PlatformTransaction) => T): T => {
        const tx = host.db.begin();
        const result = write(tx);
        host.db.commit(tx);
        return result;
      },
    });
  }

  /** Re-arms pending scheduled jobs. Call once the database has replayed its log. */
  start(): void {
    this.scheduler.start();
  }

  /**
   * Applies a push: evaluates `auth.config.ts` (with the deployment's
   * environment variables), replaces the cron set, and takes the HTTP
   * routes. Throws (a push error) on an invalid auth config or cron schedule,
   * before anything changes. The deployment calls it again, with the same
   * code, after its environment variables change.
   */
  async onPush(code: PushedCode): Promise<void> {
    const authConfig = await loadAuthConfig(code.files, code.environmentVariables);
    parseAuthConfig(authConfig);
    this.crons.register(parseCronsExport(code.crons));
    this.auth.configure(authConfig);
    this.httpRoutes = code.httpRoutes;
  }

  runHttpAction(req: SerializedRequest, identity: UserIdentity | null = null): Promise<SerializedResponse> {
    return runHttpAction(
      { routes: () => this.httpRoutes, invoke: (r, id) => this.host.invokeHttp(r, id), identify: (r) => this.bearerIdentity(r) },
      req,
      identity,
    );
  }

  /** The identity of a request's bearer token; a refused header or token still runs the action, as in Convex (see `auth/rejected-token.ts`). */
  private async bearerIdentity(req: SerializedRequest): Promise<UserIdentity | null> {
    // A `Convex <admin key>` header is the server's to read (it knows the keys); here it is no token.
    const auth = requestAuthorization(req);
    if (auth.kind === "none" || auth.kind === "admin") return null;
    if (auth.kind === "refused") return rejectedTokenIdentity(auth.message);
    try {
      return await this.auth.verify(auth.token);
    } catch (e) {
      return rejectedTokenIdentity(e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * Whether timers of this deployment are waiting to fire (scheduled jobs or
   * crons): a host that unloads idle deployments should keep such ones loaded,
   * or their jobs only run once it loads them again.
   */
  hasTimers(): boolean {
    return this.scheduler.pendingJobs() > 0 || this.crons.list().length > 0;
  }

  /** Sandbox reset: data is gone, so are its blobs and what the example APIs recorded. */
  reset(): void {
    this.storage.clear();
    this.fetch.mockApi.clear();
  }

  dispose(): void {
    this.scheduler.stop();
    this.crons.stop();
    this.storage.dispose();
  }
}
