/**
 * All sandboxes of one server: create, find, delete, and the housekeeping
 * that unloads idle deployments and deletes expired sandboxes. The registry
 * lives in the server store, so sandboxes survive restarts.
 */
import { randomBytes } from "node:crypto";
import { EnvironmentVariableStore } from "../persistence/environment-variables.js";
import type { SandboxRecord } from "../persistence/store.js";
import { RateLimiter } from "./rate-limiter.js";
import { QuotaError, ROOT_SANDBOX_ID, Sandbox, type SandboxContext } from "./sandbox.js";

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function newSandboxId(): string {
  const bytes = randomBytes(12);
  let id = "";
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

export function newAdminKey(name: string): string {
  return `${name}|${randomBytes(32).toString("hex")}`;
}

export interface ManagerOptions {
  cloudOrigin: string;
  siteOrigin: string;
  idleExpiryMs: number;
  unloadAfterMs: number;
  maxSandboxes: number;
  creationsPerMinute: number;
}

export class SandboxManager {
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly timer: ReturnType<typeof setInterval> | null;
  private readonly creations: RateLimiter;
  private readonly envStore: EnvironmentVariableStore;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly options: ManagerOptions,
  ) {
    this.envStore = new EnvironmentVariableStore(ctx.store.db);
    for (const record of ctx.store.listSandboxes()) {
      this.sandboxes.set(record.id, this.instantiate(record));
    }
    const period = Math.min(
      60_000,
      Math.max(1_000, Math.floor(Math.min(options.idleExpiryMs || Infinity, options.unloadAfterMs || Infinity) / 4)),
    );
    this.timer = setInterval(() => void this.sweep(), period);
    this.timer.unref?.();
    this.creations = new RateLimiter(options.creationsPerMinute / 60, Math.max(1, options.creationsPerMinute / 6));
  }

  /** The root deployment (`--dir`): created once, its admin key kept across restarts. */
  root(files: Record<string, string>): Sandbox {
    let sandbox = this.sandboxes.get(ROOT_SANDBOX_ID);
    if (!sandbox) {
      sandbox = this.insert(ROOT_SANDBOX_ID, newAdminKey("local-sandbox"), files);
    } else {
      sandbox.record.files = files;
    }
    return sandbox;
  }

  create(): Sandbox {
    if (!this.creations.take()) {
      throw new QuotaError(
        429,
        "TooManySandboxCreations",
        `Sandboxes are being created too fast (limit: ${this.options.creationsPerMinute} per minute). Try again shortly.`,
      );
    }
    const count = [...this.sandboxes.keys()].filter((id) => id !== ROOT_SANDBOX_ID).length;
    if (count >= this.options.maxSandboxes) {
      throw new QuotaError(
        429,
        "TooManySandboxes",
        `This server already holds ${count} sandboxes (limit: ${this.options.maxSandboxes}). Try again later.`,
      );
    }
    const id = newSandboxId();
    return this.insert(id, newAdminKey(`sandbox-${id}`), {});
  }

  get(id: string): Sandbox | undefined {
    return this.sandboxes.get(id);
  }

  async delete(id: string): Promise<void> {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return;
    this.sandboxes.delete(id);
    sandbox.deleted = true;
    await sandbox.unload();
    this.ctx.store.deleteSandbox(id);
    this.envStore.delete(id);
  }

  list(): Sandbox[] {
    return [...this.sandboxes.values()];
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.sandboxes.values()].map((s) => s.unload().catch(() => undefined)));
  }

  /** Unloads idle deployments and deletes expired sandboxes. */
  async sweep(now = Date.now()): Promise<void> {
    for (const sandbox of [...this.sandboxes.values()]) {
      if (sandbox.connections.size > 0) continue;
      const idle = now - sandbox.lastUsedAt;
      if (sandbox.id !== ROOT_SANDBOX_ID && this.options.idleExpiryMs > 0 && idle >= this.options.idleExpiryMs) {
        this.ctx.log(`Sandbox ${sandbox.id} expired after ${Math.round(idle / 1000)} s idle`);
        await this.delete(sandbox.id).catch((e: unknown) => this.ctx.log(`Deleting sandbox ${sandbox.id} failed: ${String(e)}`));
      } else if (sandbox.isLoaded && this.options.unloadAfterMs > 0 && idle >= this.options.unloadAfterMs) {
        await sandbox.unload().catch(() => undefined);
      }
    }
  }

  private insert(id: string, adminKey: string, files: Record<string, string>): Sandbox {
    const now = Date.now();
    const record: SandboxRecord = { id, adminKey, files, createdAt: now, lastUsedAt: now };
    this.ctx.store.insertSandbox(record);
    const sandbox = this.instantiate(record);
    this.sandboxes.set(id, sandbox);
    return sandbox;
  }

  private instantiate(record: SandboxRecord): Sandbox {
    const prefix = record.id === ROOT_SANDBOX_ID ? "" : `/s/${record.id}`;
    return new Sandbox(record, this.options.cloudOrigin + prefix, this.options.siteOrigin + prefix, this.ctx, this.envStore);
  }
}
