/**
 * One sandbox: its registry record, its deployment (loaded on first use,
 * unloaded when idle), the commit feed its sync sessions follow, and its
 * quotas.
 */
import { timingSafeEqual } from "node:crypto";
import { join } from "node:path";
import { applyEnvVarChanges, setChanges, sortedEnvVars, type EnvVarChange } from "../../runtime/environment/variables.js";
import type {
  Deployment,
  DeploymentOptions,
  EnvironmentVariableDocument,
  EnvironmentVariableDocumentFields,
  Executor,
  PushResult,
} from "../../runtime/types.js";
import { CommitFeed } from "../../sync/commit-feed.js";
import { QueryCache } from "../../sync/query-cache.js";
import type { RuntimeLimitOptions, SandboxLimits } from "../options.js";
import type { EnvironmentVariableStore } from "../persistence/environment-variables.js";
import { SqliteCommitLog } from "../persistence/sqlite-commit-log.js";
import type { SandboxRecord, ServerStore } from "../persistence/store.js";
import { RateLimiter } from "./rate-limiter.js";

export interface SandboxContext {
  store: ServerStore;
  limits: SandboxLimits;
  dataDir: string | null;
  createDeployment(options: DeploymentOptions & { limits?: RuntimeLimitOptions }): Deployment | Promise<Deployment>;
  createExecutor(): Executor | undefined;
  log(line: string): void;
}

export interface LoadedSandbox {
  deployment: Deployment;
  feed: CommitFeed;
  cache: QueryCache;
  commitLog: SqliteCommitLog;
  executor: Executor | undefined;
}

/** A request refused by a quota, with the HTTP status to answer it with. */
export class QuotaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "QuotaError";
  }
}

export class Sandbox {
  private loading: Promise<LoadedSandbox> | null = null;
  private loaded: LoadedSandbox | null = null;
  private readonly limiter: RateLimiter;
  /** Open WebSocket connections, each with a way to close it (a sandbox with clients is never idle). */
  readonly connections = new Set<{ close(): void }>();
  lastUsedAt: number;
  private touchedAt = 0;
  deleted = false;
  /** Result of pushing the stored files when the deployment was last loaded. */
  loadPushResult: PushResult | null = null;

  constructor(
    readonly record: SandboxRecord,
    readonly cloudUrl: string,
    readonly siteUrl: string,
    private readonly ctx: SandboxContext,
    private readonly envStore: EnvironmentVariableStore,
  ) {
    this.limiter = new RateLimiter(ctx.limits.requestsPerSecond);
    this.lastUsedAt = record.lastUsedAt;
  }

  get id(): string {
    return this.record.id;
  }

  isAdminKey(key: string): boolean {
    const a = Buffer.from(key);
    const b = Buffer.from(this.record.adminKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Marks the sandbox used now (persisted at most once a minute). */
  touch(): void {
    const now = Date.now();
    this.lastUsedAt = now;
    if (now - this.touchedAt > 60_000 && !this.deleted) {
      this.touchedAt = now;
      this.ctx.store.touch(this.id, now);
    }
  }

  /** Counts one request against the rate limit; throws QuotaError when over it. */
  admitRequest(): void {
    this.touch();
    if (!this.limiter.take()) {
      throw new QuotaError(
        429,
        "RateLimited",
        `Too many requests: this sandbox allows ${this.ctx.limits.requestsPerSecond} requests per second.`,
      );
    }
  }

  /** Before a mutation or action: refuses when the sandbox's storage is full. */
  admitWrite(): void {
    const usage = this.loaded?.commitLog.usage;
    if (!usage) return;
    const { maxDocuments, maxBytes } = this.ctx.limits;
    if (usage.documents >= maxDocuments) {
      throw new QuotaError(
        403,
        "SandboxDocumentLimit",
        `Sandbox storage quota exceeded: ${usage.documents} documents stored (limit: ${maxDocuments}). Delete documents or reset the sandbox.`,
      );
    }
    if (usage.bytes >= maxBytes) {
      throw new QuotaError(
        403,
        "SandboxByteLimit",
        `Sandbox storage quota exceeded: ${usage.bytes} bytes stored (limit: ${maxBytes}). Delete documents or reset the sandbox.`,
      );
    }
  }

  /** The running deployment, loading it (and replaying its data) on first use. */
  load(): Promise<LoadedSandbox> {
    if (this.deleted) return Promise.reject(new Error(`Sandbox ${this.id} was deleted`));
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= this.loadNow().then(
      (l) => {
        this.loaded = l;
        this.loading = null;
        return l;
      },
      (e: unknown) => {
        this.loading = null;
        throw e;
      },
    );
    return this.loading;
  }

  get isLoaded(): boolean {
    return this.loaded !== null;
  }

  private async loadNow(): Promise<LoadedSandbox> {
    const commitLog = new SqliteCommitLog(this.ctx.store.db, this.id);
    const stored = this.envStore.loadWithDocuments(this.id);
    const executor = this.ctx.createExecutor();
    const deployment = await this.ctx.createDeployment({
      executor,
      commitLog,
      name: this.id === ROOT_SANDBOX_ID ? "local-sandbox" : `sandbox-${this.id}`,
      cloudUrl: this.cloudUrl,
      siteUrl: this.siteUrl,
      dataDir: this.ctx.dataDir ? join(this.ctx.dataDir, "blobs", this.id) : null,
      environmentVariables: stored.vars,
      environmentVariableDocuments: stored.documents,
      limits: {
        queryMutationTimeoutMs: this.ctx.limits.queryMutationTimeoutMs,
        actionTimeoutMs: this.ctx.limits.actionTimeoutMs,
      },
    });
    // Variables stored without a document (set before this load) got one now: keep it.
    if (deployment.environmentVariableDocuments().some((d) => !Object.hasOwn(stored.documents, d.name))) this.storeEnvironmentVariables(deployment);
    if (Object.keys(this.record.files).length > 0) {
      const result = await deployment.push(this.record.files);
      this.loadPushResult = result;
      if (result.ok) this.ctx.store.saveFiles(this.id, this.record.files);
      else {
        this.ctx.log(`Sandbox ${this.id}: stored files no longer push cleanly: ${result.errors.map((e) => e.message).join("; ")}`);
      }
    }
    const feed = new CommitFeed(deployment);
    return { deployment, feed, cache: new QueryCache(feed), commitLog, executor };
  }

  async push(files: Record<string, string>): Promise<PushResult> {
    const { deployment, feed } = await this.load();
    const result = await deployment.push(files);
    if (result.ok) {
      this.record.files = files;
      if (!this.deleted) this.ctx.store.saveFiles(this.id, files);
      feed.invalidateAll();
    }
    return result;
  }

  async reset(): Promise<void> {
    const { deployment, feed } = await this.load();
    await deployment.reset();
    feed.invalidateAll();
  }

  /** The deployment's environment variables by name (from the store while it is not loaded). */
  environmentVariables(): Record<string, string> {
    return this.loaded ? this.loaded.deployment.environmentVariables() : this.envStore.load(this.id);
  }

  /**
   * Sets or removes variables (all or none; EnvironmentVariableError on bad
   * input), stores them, and re-runs every subscribed query, as a push does:
   * a cached result may depend on the old values.
   */
  async updateEnvironmentVariables(changes: readonly EnvVarChange[]): Promise<void> {
    const { deployment, feed } = await this.load();
    await deployment.updateEnvironmentVariables(changes);
    if (!this.deleted) this.storeEnvironmentVariables(deployment);
    feed.invalidateAll();
  }

  /** Before the deployment loads (server start): sets variables in the store, checked like an update. */
  presetEnvironmentVariables(vars: Record<string, string>): void {
    if (this.loaded || this.loading) throw new Error("presetEnvironmentVariables must run before the sandbox loads");
    const stored = this.envStore.loadWithDocuments(this.id);
    // A variable set here gets a new document when the deployment loads, as a set does in Convex; the others keep theirs.
    const documents = stored.documents;
    for (const name of Object.keys(vars)) delete documents[name];
    this.envStore.replace(this.id, sortedEnvVars(applyEnvVarChanges(new Map(Object.entries(stored.vars)), setChanges(vars))), documents);
  }

  private storeEnvironmentVariables(deployment: Deployment): void {
    this.envStore.replace(this.id, deployment.environmentVariables(), documentFields(deployment.environmentVariableDocuments()));
  }

  /** Frees the deployment's memory; its data stays in the store. */
  async unload(): Promise<void> {
    if (this.deleted) for (const c of [...this.connections]) c.close();
    const loaded = this.loaded ?? (this.loading ? await this.loading.catch(() => null) : null);
    this.loaded = null;
    if (!loaded) return;
    loaded.feed.close();
    await loaded.deployment.dispose();
    loaded.executor?.dispose();
  }
}

/** The id under which the root deployment (`--dir`) keeps its data. */
export const ROOT_SANDBOX_ID = "_root";

/** The `_id` and `_creationTime` of each variable's document, by name, as the store keeps them. */
function documentFields(documents: EnvironmentVariableDocument[]): Record<string, EnvironmentVariableDocumentFields> {
  return Object.fromEntries(documents.map((d) => [d.name, { _id: d._id, _creationTime: d._creationTime }]));
}
