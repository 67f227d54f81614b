/**
 * One client's sync session (one WebSocket connection), transport-agnostic:
 * feed it text frames with `receive`, it calls `send` with text frames.
 *
 * State changes (query set, identity) and mutations are handled strictly in
 * arrival order by one pump; after each batch the pump brings every
 * subscribed query up to one timestamp and sends a single Transition.
 * Successful mutation responses are held back until a Transition whose
 * `endVersion.ts` covers the mutation's commit has been sent
 * (read-your-writes, convex `browser/sync/request_manager.ts`).
 */
import { createHash } from "node:crypto";
import type { UserIdentity } from "convex/server";
import type { ReadSet, Timestamp } from "../database/types.js";
import type { CallOutcome, Deployment, JSONValue } from "../runtime/types.js";
import { parseClientMessage, ProtocolError, singleArgsObject, type AddQuery, type ClientMessage } from "./client-messages.js";
import type { CommitFeed } from "./commit-feed.js";
import { queryCacheKey, type QueryCache } from "./query-cache.js";
import { newRequestId, serverErrorMessage } from "./error-text.js";
import { impersonatedIdentity } from "./identity.js";
import { encodeTs } from "./timestamps.js";
import { splitTransition } from "./transition-chunks.js";
import { queryUpdatedText, transitionText, type StateVersion } from "./transition-text.js";

export interface SyncSessionOptions {
  deployment: Deployment;
  feed: CommitFeed;
  /** Query results shared with the deployment's other sessions. */
  cache: QueryCache;
  /** Sends one text frame to the client. */
  send(text: string): void;
  /** Closes the connection (after a FatalError). */
  close(code: number, reason: string): void;
  isAdminKey(key: string): boolean;
  /** Transitions whose JSON is longer than this go out as TransitionChunks. */
  maxTransitionBytes?: number;
  /** Idle time after which the server sends a Ping. */
  pingIntervalMs?: number;
  /** Quota check before a mutation or action runs: an error message refuses it. */
  admit?(kind: "mutation" | "action"): string | null;
}

interface Subscription {
  queryId: number;
  udfPath: string;
  args: JSONValue;
  journal: string | null;
  /** Result state; undefined until the first run. */
  readSet?: ReadSet;
  validAt?: Timestamp;
  epoch?: number;
  identityVersion?: number;
  outcome?: CallOutcome;
  /** Request ID of the run that produced `outcome` (named in its error message). */
  requestId?: string;
  /** Hash of the last result sent to the client. */
  sentHash?: string;
  /** QueryCache key, for the identity version and journal it was made for. */
  cacheKey?: { identityVersion: number; journal: string | null; key: string };
}

type Inbound = Exclude<ClientMessage, { type: "Connect" | "Event" | "Action" }>;

const MAX_CONSISTENCY_ROUNDS = 20;

export class SyncSession {
  private readonly queries = new Map<number, Subscription>();
  private readonly removed = new Set<number>();
  /** Query-set version the client will send next as baseVersion. */
  private receivedQuerySetVersion = 0;
  private receivedIdentityVersion = 0;
  private querySetVersion = 0;
  private identityVersion = 0;
  private identity: UserIdentity | null = null;
  private isAdmin = false;
  private sent: StateVersion = { querySet: 0, identity: 0, ts: 0n };
  private clientClockSkew: number | undefined;

  private readonly inbox: Inbound[] = [];
  private dirty = false;
  private pumping = false;
  private closed = false;
  /** A successful MutationResponse went out; the next Transition must follow it even if empty. */
  private transitionOwed = false;
  private readonly unsubscribeFeed: () => void;
  private lastSendAt = Date.now();
  private readonly pingTimer: ReturnType<typeof setInterval>;

  constructor(private readonly options: SyncSessionOptions) {
    this.unsubscribeFeed = options.feed.subscribe(() => this.wake());
    const pingMs = options.pingIntervalMs ?? 15_000;
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastSendAt >= pingMs) this.sendMessage({ type: "Ping" });
    }, Math.max(10, Math.floor(pingMs / 3)));
    this.pingTimer.unref?.();
  }

  /** Handles one text frame from the client. */
  receive(text: string): void {
    if (this.closed) return;
    let message: ClientMessage;
    try {
      message = parseClientMessage(text);
    } catch (e) {
      this.fatal(e instanceof Error ? e.message : String(e));
      return;
    }
    try {
      this.accept(message);
    } catch (e) {
      this.fatal(e instanceof Error ? e.message : String(e));
    }
  }

  /** Sends a FatalError and closes the connection. */
  fatal(error: string): void {
    if (this.closed) return;
    this.sendMessage({ type: "FatalError", error });
    this.options.close(1011, error.slice(0, 120));
    this.dispose();
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    this.unsubscribeFeed();
  }

  get subscriptionCount(): number {
    return this.queries.size;
  }

  // ------------------------------------------------------------ receiving

  private accept(message: ClientMessage): void {
    switch (message.type) {
      case "Connect":
        if (message.clientTs !== undefined) this.clientClockSkew = message.clientTs - Date.now();
        return;
      case "Event":
        return;
      case "ModifyQuerySet":
        if (message.baseVersion !== this.receivedQuerySetVersion) {
          throw new ProtocolError(
            `Base version ${message.baseVersion} passed up doesn't match the current version ${this.receivedQuerySetVersion}`,
          );
        }
        if (message.newVersion !== message.baseVersion + 1) {
          throw new ProtocolError(`New version ${message.newVersion} must be base version + 1 (${message.baseVersion + 1})`);
        }
        this.receivedQuerySetVersion = message.newVersion;
        this.enqueue(message);
        return;
      case "Authenticate":
        if (message.baseVersion !== this.receivedIdentityVersion) {
          throw new ProtocolError(
            `Base version ${message.baseVersion} passed up doesn't match the current version ${this.receivedIdentityVersion}`,
          );
        }
        this.receivedIdentityVersion++;
        this.enqueue(message);
        return;
      case "Mutation":
        this.enqueue(message);
        return;
      case "Action":
        void this.runAction(message, this.identity, this.isAdmin);
        return;
    }
  }

  private enqueue(message: Inbound): void {
    this.inbox.push(message);
    this.wake();
  }

  private wake(): void {
    if (this.closed) return;
    this.dirty = true;
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (!this.closed && (this.dirty || this.inbox.length > 0)) {
        this.dirty = false;
        while (this.inbox.length > 0 && !this.closed) {
          await this.handle(this.inbox.shift()!);
        }
        if (!this.closed) await this.bringUpToDate();
      }
    } catch (e) {
      this.fatal(`Internal error in sync session: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.pumping = false;
    }
  }

  private async handle(message: Inbound): Promise<void> {
    switch (message.type) {
      case "ModifyQuerySet":
        for (const mod of message.modifications) {
          if (mod.type === "Add") this.addQuery(mod);
          else {
            this.queries.delete(mod.queryId);
            this.removed.add(mod.queryId);
          }
        }
        this.querySetVersion = message.newVersion;
        return;
      case "Authenticate":
        await this.authenticate(message);
        return;
      case "Mutation":
        await this.runMutation(message);
        return;
    }
  }

  private addQuery(mod: AddQuery): void {
    if (this.queries.has(mod.queryId)) {
      throw new ProtocolError(`Query ID ${mod.queryId} is already in the query set`);
    }
    this.removed.delete(mod.queryId);
    this.queries.set(mod.queryId, {
      queryId: mod.queryId,
      udfPath: mod.udfPath,
      args: singleArgsObject(mod.args),
      journal: mod.journal ?? null,
    });
  }

  private async authenticate(message: Extract<Inbound, { type: "Authenticate" }>): Promise<void> {
    const baseVersion = this.identityVersion;
    try {
      if (message.tokenType === "None") {
        this.identity = null;
        this.isAdmin = false;
      } else if (message.tokenType === "Admin") {
        if (!this.options.isAdminKey(message.value)) throw new Error("The provided admin key was invalid for this instance");
        this.isAdmin = true;
        this.identity = message.impersonating ? impersonatedIdentity(message.impersonating) : null;
      } else {
        const auth = this.options.deployment.auth;
        if (!auth) {
          throw new Error(
            "No auth provider found matching the given token. Check that your JWT's issuer and audience match one of your configured providers: []",
          );
        }
        this.identity = await auth.verify(message.value);
        this.isAdmin = false;
      }
    } catch (e) {
      this.sendMessage({
        type: "AuthError",
        error: e instanceof Error ? e.message : String(e),
        baseVersion,
        authUpdateAttempted: true,
      });
      this.identityVersion++;
      this.identity = null;
      this.isAdmin = false;
      return;
    }
    this.identityVersion++;
  }

  // --------------------------------------------------------- mutations, actions

  private async runMutation(message: Extract<Inbound, { type: "Mutation" }>): Promise<void> {
    const requestId = newRequestId();
    const refused = this.options.admit?.("mutation") ?? null;
    if (refused) {
      this.sendMessage({ type: "MutationResponse", requestId: message.requestId, success: false, result: refused, logLines: [] });
      return;
    }
    let outcome: CallOutcome;
    try {
      outcome = await this.options.deployment.runMutation({
        path: message.udfPath,
        args: singleArgsObject(message.args),
        identity: this.identity,
        requestId,
        expectedType: "mutation",
        allowInternal: this.isAdmin,
      });
    } catch (e) {
      outcome = failure(e);
    }
    if (outcome.status === "success") {
      this.sendMessage({
        type: "MutationResponse",
        requestId: message.requestId,
        success: true,
        result: outcome.value ?? null,
        ts: encodeTs(outcome.ts),
        logLines: outcome.logLines,
      });
      this.transitionOwed = true;
      this.dirty = true;
    } else {
      this.sendMessage({
        type: "MutationResponse",
        requestId: message.requestId,
        success: false,
        result: serverErrorMessage(requestId, outcome.errorMessage),
        logLines: outcome.logLines,
        ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
      });
    }
  }

  private async runAction(
    message: Extract<ClientMessage, { type: "Action" }>,
    identity: UserIdentity | null,
    isAdmin: boolean,
  ): Promise<void> {
    const requestId = newRequestId();
    let outcome: CallOutcome;
    const refused = this.options.admit?.("action") ?? null;
    if (refused) {
      outcome = { status: "error", errorMessage: refused, logLines: [], ts: 0n, durationMs: 0 };
    } else {
      try {
        outcome = await this.options.deployment.runAction({
          path: message.udfPath,
          args: singleArgsObject(message.args),
          identity,
          requestId,
          expectedType: "action",
          allowInternal: isAdmin,
        });
      } catch (e) {
        outcome = failure(e);
      }
    }
    if (this.closed) return;
    if (outcome.status === "success") {
      this.sendMessage({
        type: "ActionResponse",
        requestId: message.requestId,
        success: true,
        result: outcome.value ?? null,
        logLines: outcome.logLines,
      });
    } else {
      this.sendMessage({
        type: "ActionResponse",
        requestId: message.requestId,
        success: false,
        result: refused ?? serverErrorMessage(requestId, outcome.errorMessage),
        logLines: outcome.logLines,
        ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
      });
    }
  }

  // ------------------------------------------------------------- transitions

  /**
   * Re-runs the queries that are new, whose identity changed, or whose read
   * set a commit touched, until all are valid at one timestamp; then sends
   * one Transition (also when a mutation response is waiting for one).
   */
  private async bringUpToDate(): Promise<void> {
    const { feed } = this.options;
    let target = maxTs(feed.latestTs(), this.sent.ts);
    for (let round = 0; ; round++) {
      const stale: Subscription[] = [];
      for (const q of this.queries.values()) if (!this.isValidAt(q, target)) stale.push(q);
      if (stale.length === 0) break;
      if (round >= MAX_CONSISTENCY_ROUNDS) {
        // Writes keep landing faster than we can catch up: settle on the
        // newest timestamp every result is valid at, if any.
        break;
      }
      const at = target;
      if (stale.length === 1) await this.runQuery(stale[0], at);
      else await Promise.all(stale.map((q) => this.runQuery(q, at)));
      if (this.closed) return;
      for (const q of this.queries.values()) {
        if (q.validAt !== undefined && q.validAt > target) target = q.validAt;
      }
    }
    for (const q of this.queries.values()) {
      if (!this.isValidAt(q, target)) {
        // Could not converge this time; try again on the next wake-up.
        this.dirty = true;
        return;
      }
    }
    for (const q of this.queries.values()) q.validAt = target;

    const modifications: string[] = [];
    for (const queryId of this.removed) modifications.push(JSON.stringify({ type: "QueryRemoved", queryId }));
    this.removed.clear();
    for (const q of this.queries.values()) {
      const outcome = q.outcome!;
      const hash = resultHash(outcome);
      if (hash === q.sentHash) continue;
      q.sentHash = hash;
      modifications.push(this.modificationText(q, outcome));
    }
    const end: StateVersion = { querySet: this.querySetVersion, identity: this.identityVersion, ts: target };
    const needed =
      modifications.length > 0 ||
      end.querySet !== this.sent.querySet ||
      end.identity !== this.sent.identity ||
      this.transitionOwed;
    if (needed) {
      const text = transitionText({
        startVersion: this.sent,
        endVersion: end,
        modifications,
        ...(this.clientClockSkew !== undefined ? { clock: { clientClockSkew: this.clientClockSkew, serverTs: Date.now() * 1_000_000 } } : {}),
      });
      this.sent = end;
      this.transitionOwed = false;
      for (const frame of splitTransition(text, this.options.maxTransitionBytes ?? 4 * 1024 * 1024)) {
        this.sendText(frame);
      }
    }
  }

  private isValidAt(q: Subscription, target: Timestamp): boolean {
    if (!q.outcome || q.validAt === undefined) return false;
    if (q.identityVersion !== this.identityVersion || q.epoch !== this.options.feed.epoch) return false;
    if (q.validAt >= target) return true;
    if (this.options.feed.stillValid(q.readSet, q.validAt, target)) {
      q.validAt = target;
      return true;
    }
    return false;
  }

  private async runQuery(q: Subscription, target: Timestamp): Promise<void> {
    const identityVersion = this.identityVersion;
    const epoch = this.options.feed.epoch;
    const identity = this.identity;
    const allowInternal = this.isAdmin;
    const key = this.cacheKeyFor(q);
    const { outcome, validAt, requestId } = await this.options.cache.get(key, target, async () => {
      const requestId = newRequestId();
      try {
        const outcome = await this.options.deployment.runQuery({
          path: q.udfPath,
          args: q.args,
          identity,
          requestId,
          expectedType: "query",
          allowInternal,
          journal: q.journal,
        });
        return { outcome, requestId };
      } catch (e) {
        return { outcome: failure(e), requestId };
      }
    });
    q.outcome = outcome;
    q.requestId = requestId;
    q.readSet = outcome.readSet;
    q.validAt = validAt;
    q.epoch = epoch;
    q.identityVersion = identityVersion;
    if (outcome.journal !== undefined) q.journal = outcome.journal;
  }

  private cacheKeyFor(q: Subscription): string {
    if (q.cacheKey?.identityVersion !== this.identityVersion || q.cacheKey.journal !== q.journal) {
      q.cacheKey = {
        identityVersion: this.identityVersion,
        journal: q.journal,
        key: queryCacheKey(q.udfPath, q.args, q.journal, this.identity, this.isAdmin),
      };
    }
    return q.cacheKey.key;
  }

  private modificationText(q: Subscription, outcome: CallOutcome): string {
    if (outcome.status === "success") return queryUpdatedText(q.queryId, outcome, q.journal);
    return JSON.stringify({
      type: "QueryFailed",
      queryId: q.queryId,
      errorMessage: serverErrorMessage(q.requestId ?? newRequestId(), outcome.errorMessage),
      logLines: outcome.logLines,
      journal: q.journal,
      ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
    });
  }

  // ---------------------------------------------------------------- sending

  private sendMessage(message: Record<string, unknown>): void {
    this.sendText(JSON.stringify(message));
  }

  private sendText(text: string): void {
    if (this.closed) return;
    this.lastSendAt = Date.now();
    try {
      this.options.send(text);
    } catch {
      // The transport is gone; the connection's close handler disposes us.
    }
  }
}

function failure(e: unknown): CallOutcome {
  return {
    status: "error",
    errorMessage: e instanceof Error ? e.message : String(e),
    logLines: [],
    ts: 0n,
    durationMs: 0,
  };
}

/** Results are shared across sessions (QueryCache), so each is hashed once. */
const hashes = new WeakMap<CallOutcome, string>();

function resultHash(outcome: CallOutcome): string {
  let hash = hashes.get(outcome);
  if (hash === undefined) {
    hash = createHash("sha256")
      .update(JSON.stringify([outcome.status, outcome.value ?? null, outcome.errorMessage ?? null, outcome.errorData ?? null, outcome.logLines]))
      .update(String(outcome.journal ?? ""))
      .digest("base64");
    hashes.set(outcome, hash);
  }
  return hash;
}

function maxTs(a: Timestamp, b: Timestamp): Timestamp {
  return a > b ? a : b;
}
