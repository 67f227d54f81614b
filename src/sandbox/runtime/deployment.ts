/**
 * One sandbox deployment: code (the last good push), schema and data.
 *
 * - push: bundle → load in the executor → install the schema → swap; a failed
 *   push leaves the running version untouched.
 * - queries and mutations run one at a time (a lock; nested calls run inside
 *   their parent's turn); each mutation is one transaction, retried on
 *   optimistic-concurrency conflicts; actions run concurrently, and each of
 *   their `ctx.run*` calls is its own transaction.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { UserIdentity } from "convex/server";
import type { Value } from "convex/values";
import {
  Database,
  encodeId,
  ENVIRONMENT_VARIABLES_TABLE_NUMBER,
  newInternalId,
  WriteConflictError,
  type Commit,
  type ReadSet,
  type Timestamp,
  type Transaction,
} from "../database/index.ts";
import { bundleFunctions } from "./bundler/index.ts";
import { schemaFile, normalizeFiles } from "./bundler/entryPoints.ts";
import { newImportPhase, UnloadableBundle, withImportEnvironment, type ImportPhase } from "./environment/import-environment.ts";
import { applyEnvVarChanges, EnvironmentVariableError, setChanges, sortedEnvVars, type EnvVarChange } from "./environment/variables.ts";
import { EnvironmentVariableDocuments, type EnvironmentVariableDocument } from "./environment/variable-documents.ts";
import { InProcessExecutor } from "./executor/inProcess.ts";
import { CallFailure, writeConflictMessage } from "./failures.ts";
import { Mutex } from "./lock.ts";
import { LogCollector } from "./logLines.ts";
import { parseJournal, serializeJournal, type QueryJournal } from "./syscalls/journal.ts";
import { isSystemPath, systemQuery } from "./system/index.ts";
import {
  FunctionLookupError,
  FunctionRegistry,
  argsMustBeObject,
  needsCheck,
  notFoundMessage,
  parseFunctionPath,
  udfTypeName,
  validateArgs,
  validateReturns,
  wrongTypeMessage,
  argsTooLarge,
  resultTooLarge,
  type RegisteredFunction,
} from "./registry/index.ts";
import {
  SyscallError,
  fromJson,
  globalSyscalls,
  type CallContext,
  type DeploymentCore,
  type SyscallGroup,
  type SyscallTable,
} from "./syscalls/index.ts";
import type {
  Bundle,
  CallOutcome,
  CallRequest,
  Deployment,
  DeploymentOptions,
  Executor,
  FunctionInfo,
  JSONValue,
  LoadedBundle,
  PushError,
  PushResult,
  SerializedRequest,
  SerializedResponse,
  UdfType,
  UserCodeError,
} from "./types.ts";

/** Nested `ctx.run*` depth limit (`MAX_REACTOR_CALL_DEPTH`). */
export const MAX_CALL_DEPTH = 8;
export const CALL_DEPTH_EXCEEDED = "Cross component call depth limit exceeded. Do you have an infinite loop in your app?";

export interface RuntimeLimits {
  /** JavaScript time per query or mutation, ms (Convex: 1 s). */
  queryMutationTimeoutMs: number;
  /** JavaScript time per action, ms (Convex: 10 min). */
  actionTimeoutMs: number;
  /** Attempts of a mutation before the write-conflict error is returned. */
  mutationAttempts: number;
  /** Wall-clock limit of a query or mutation, waiting included (ends calls awaiting a promise that never settles). */
  queryMutationWallClockMs: number;
}

export const DEFAULT_LIMITS: RuntimeLimits = {
  queryMutationTimeoutMs: 1_000,
  actionTimeoutMs: 600_000,
  mutationAttempts: 8,
  queryMutationWallClockMs: 15_000,
};

export type FetchRequest = Parameters<DeploymentCore["fetch"]>[0];
export type FetchResponse = Awaited<ReturnType<DeploymentCore["fetch"]>>;

export interface SandboxDeploymentOptions extends DeploymentOptions {
  limits?: Partial<RuntimeLimits>;
  /** `fetch()` in actions. Defaults to Node's fetch; the server passes one that applies its network policy. */
  fetch?: (request: FetchRequest) => Promise<FetchResponse>;
}

/** Extra fields of a call the platform's scheduler makes. */
export interface ScheduledCallFields {
  /** The `_scheduled_functions` job being run (`getRequestMetadata().scheduledFunctionId`, self-cancel check). */
  scheduledJobId?: string;
  /** Mutations: runs in the mutation's transaction just before each commit attempt; a throw fails the call. */
  beforeCommit?: (tx: Transaction) => void;
}

/** What a successful push hands to `onPush` listeners, before the new code goes live. */
export interface PushedCode {
  files: Record<string, string>;
  crons: JSONValue | null;
  /** The router's routes, or null when there is no `http.ts` router. */
  httpRoutes: Array<{ path: string; method: string }> | null;
  /** What `process.env` holds (the variables and the built-in URLs); `auth.config.ts` is evaluated with it. */
  environmentVariables: Record<string, string>;
}

interface CodeVersion {
  bundle: LoadedBundle;
  /** The bundle as built, before the import environment is stated (reloaded when variables change). */
  source: Bundle;
  /** The push's import-time seed and timestamp (kept when variables change, as on Convex). */
  importPhase: ImportPhase;
  /** What the push listeners were given (they run again, with the new variables, after a change). */
  pushed: Omit<PushedCode, "environmentVariables">;
  registry: FunctionRegistry;
  files: Record<string, string>;
  httpRoutes: Array<{ path: string; method: string }>;
  hasSchema: boolean;
}

interface ExecuteOptions {
  fn: RegisteredFunction;
  code: CodeVersion;
  args: JSONValue;
  tx: Transaction | null;
  identity: UserIdentity | null;
  requestId: string;
  depth: number;
  logs: Pick<LogCollector, "add">;
  scheduledJobId?: string | null;
  journal?: QueryJournal;
}

const newRequestId = () => randomBytes(8).toString("hex");

async function nodeFetch(request: FetchRequest): Promise<FetchResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.bodyBase64 === null ? undefined : Buffer.from(request.bodyBase64, "base64"),
  });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    bodyBase64: body.length === 0 ? null : body.toString("base64"),
  };
}

export class SandboxDeployment implements Deployment, DeploymentCore {
  readonly name: string;
  readonly cloudUrl: string;
  readonly siteUrl: string;
  readonly database: Database;
  readonly services = new Map<string, unknown>();
  readonly limits: RuntimeLimits;
  private readonly executor: Executor;
  private readonly ownsExecutor: boolean;
  private readonly syscalls: SyscallTable = globalSyscalls.copy();
  private readonly lock = new Mutex();
  private readonly fetchImpl: (request: FetchRequest) => Promise<FetchResponse>;
  private code: CodeVersion | null = null;
  private readonly callCode = new WeakMap<CallContext, CodeVersion>();
  private readonly pushListeners: Array<(code: PushedCode) => Promise<void> | void> = [];
  private readonly resetListeners: Array<() => void> = [];
  private readonly disposeListeners: Array<() => void> = [];
  /** Read sets of system queries that list tables: the tables they listed (a write elsewhere re-runs them). */
  private readonly tableListReads = new WeakMap<ReadSet, Set<string>>();
  /** User environment variables (`process.env`, besides the built-in URLs). */
  private envVars = new Map<string, string>();
  /** Their `_environment_variables` documents (`_id`, `_creationTime`), as the CLI's system query lists them. */
  private readonly envVarDocuments = new EnvironmentVariableDocuments(() => {
    const creationTime = this.database.nextCreationTime(this.database.now());
    return { _id: encodeId(ENVIRONMENT_VARIABLES_TABLE_NUMBER, newInternalId(creationTime)), _creationTime: creationTime };
  });
  /** What `process.env` holds in functions (see `processEnv`). */
  private functionEnv: Record<string, string> = {};
  /** Pushes and environment updates, one at a time (each loads code with the variables of its moment). */
  private readonly codeChanges = new Mutex();

  constructor(options: SandboxDeploymentOptions = {}) {
    this.name = options.name ?? "sandbox";
    this.cloudUrl = options.cloudUrl ?? "http://127.0.0.1:3210";
    this.siteUrl = options.siteUrl ?? "http://127.0.0.1:3211";
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.executor = options.executor ?? new InProcessExecutor();
    this.ownsExecutor = !options.executor;
    this.fetchImpl = options.fetch ?? nodeFetch;
    this.database = new Database(options.commitLog ? { commitLog: options.commitLog } : {});
    this.database.load();
    // Variables stored with their documents keep them; the others are new documents.
    const initial = setChanges(options.environmentVariables ?? {});
    const stored = options.environmentVariableDocuments ?? {};
    this.envVarDocuments.restore(stored);
    this.setEnvVars(applyEnvVarChanges(this.envVars, initial), initial.filter((change) => !Object.hasOwn(stored, change.name)));
  }

  /** Runs after a push bundled and loaded, before it goes live; a throw fails the push with that message. */
  onPush(listener: (code: PushedCode) => Promise<void> | void): void {
    this.pushListeners.push(listener);
  }

  /** Runs after `reset()` cleared the data. */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Runs when the deployment is disposed. */
  onDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  /** Adds syscall ops to this deployment only (see also `registerSyscalls` for all deployments). */
  registerSyscalls(group: SyscallGroup): void {
    this.syscalls.register(group);
  }

  // ------------------------------------------------------------------ code

  push(input: Record<string, string>): Promise<PushResult> {
    return this.codeChanges.run(() => this.pushNow(input));
  }

  private async pushNow(input: Record<string, string>): Promise<PushResult> {
    const built = await bundleFunctions(input);
    if (!built.ok) return { ok: false, errors: built.errors };
    const files = normalizeFiles(input);
    const importPhase = newImportPhase(this.database.now());
    let bundle: LoadedBundle;
    try {
      bundle = await this.executor.load(withImportEnvironment(built.bundle, this.processEnv(), importPhase));
    } catch (e) {
      const err = e as UserCodeError;
      const at = err.location;
      return {
        ok: false,
        errors: [{ file: at?.file ?? null, line: at?.line ?? null, column: at?.column ?? null, message: String(err.message ?? e) }],
      };
    }
    const httpExport = bundle.exports.find((x) => x.module === "http" && x.name === "default");
    if (httpExport && httpExport.kind !== "router") {
      bundle.dispose();
      return {
        ok: false,
        errors: [{ file: httpFile(files), line: null, column: null, message: "The default export of `convex/http.js` is not a Router." }],
      };
    }
    const hasRouter = bundle.exports.some((x) => x.module === "http" && x.kind === "router");
    const pushed = { files, crons: bundle.crons, httpRoutes: hasRouter ? (bundle.httpRoutes ?? []) : null };
    for (const listener of this.pushListeners) {
      try {
        await listener({ ...pushed, environmentVariables: this.processEnv() });
      } catch (e) {
        bundle.dispose();
        return { ok: false, errors: [{ file: null, line: null, column: null, message: (e as Error).message }] };
      }
    }
    const version: CodeVersion = {
      bundle,
      source: built.bundle,
      importPhase,
      pushed,
      registry: new FunctionRegistry(bundle.exports),
      files,
      httpRoutes: bundle.httpRoutes ?? [],
      hasSchema: bundle.schema !== null,
    };
    const failed = await this.lock.run(async () => {
      try {
        this.database.setSchema(bundle.schema as Parameters<Database["setSchema"]>[0]);
      } catch (e) {
        return (e as Error).message;
      }
      const previous = this.code;
      this.code = version;
      previous?.bundle.dispose();
      return null;
    });
    if (failed !== null) {
      bundle.dispose();
      return { ok: false, errors: [{ file: schemaFile(files), line: null, column: null, message: failed }] };
    }
    return { ok: true, functions: version.registry.functions(), httpRoutes: version.httpRoutes, hasSchema: version.hasSchema };
  }

  functions(): FunctionInfo[] {
    return this.code?.registry.functions() ?? [];
  }

  files(): Record<string, string> {
    return { ...(this.code?.files ?? {}) };
  }

  // ------------------------------------------------------------------ calls

  runQuery(req: CallRequest): Promise<CallOutcome> {
    return this.run({ ...req, expectedType: req.expectedType ?? "query" });
  }

  runMutation(req: CallRequest): Promise<CallOutcome> {
    return this.run({ ...req, expectedType: req.expectedType ?? "mutation" });
  }

  runAction(req: CallRequest): Promise<CallOutcome> {
    return this.run({ ...req, expectedType: req.expectedType ?? "action" });
  }

  async run(req: CallRequest & ScheduledCallFields): Promise<CallOutcome> {
    return (await this.runCall(req)).outcome;
  }

  /** A call from outside (or from an action): lookup, then one top-level execution. */
  private async runCall(req: CallRequest & ScheduledCallFields): Promise<{ outcome: CallOutcome; failure?: CallFailure }> {
    const started = performance.now();
    const logs = new LogCollector();
    const finish = (
      result: { value: JSONValue; ts: bigint; readSet?: ReadSet; journal?: string | null } | { failure: CallFailure; ts: bigint },
    ): { outcome: CallOutcome; failure?: CallFailure } => {
      const base = { logLines: logs.lines, ts: result.ts, durationMs: performance.now() - started };
      if ("failure" in result) {
        const outcome: CallOutcome = { status: "error", errorMessage: result.failure.message, ...base };
        if (result.failure.errorData !== undefined) outcome.errorData = result.failure.errorData;
        return { outcome, failure: result.failure };
      }
      const outcome: CallOutcome = { status: "success", value: result.value, ...base };
      if (result.readSet) outcome.readSet = result.readSet;
      if (result.journal !== undefined) outcome.journal = result.journal;
      return { outcome };
    };

    if (req.allowInternal && isSystemPath(parseFunctionPath(req.path).canonical)) {
      return this.runSystemQuery(req, finish);
    }
    const code = this.code;
    let fn: RegisteredFunction;
    try {
      if (!code) {
        throw new FunctionLookupError(notFoundMessage(parseFunctionPath(req.path).canonical, false));
      }
      fn = code.registry.resolve(req.path, { allowInternal: !!req.allowInternal, expectedType: req.expectedType });
    } catch (e) {
      return finish({ failure: CallFailure.from(e), ts: this.database.latestTs() });
    }
    const base = {
      fn,
      code: code!,
      args: req.args,
      identity: req.identity ?? null,
      requestId: req.requestId ?? newRequestId(),
      depth: 0,
      logs,
      scheduledJobId: req.scheduledJobId ?? null,
    };

    if (fn.udfType === "action") {
      try {
        const value = await this.execute({ ...base, tx: null });
        return finish({ value, ts: this.database.latestTs() });
      } catch (e) {
        return finish({ failure: CallFailure.from(e), ts: this.database.latestTs() });
      }
    }

    return this.lock.run(async () => {
      if (fn.udfType === "query") {
        let tx: Transaction;
        let journal: QueryJournal;
        try {
          tx = this.beginQuery(req.ts);
          journal = parseJournal(req.journal);
        } catch (e) {
          return finish({ failure: CallFailure.from(e), ts: this.database.latestTs() });
        }
        try {
          const value = await this.execute({ ...base, tx, journal });
          return finish({ value, ts: tx.snapshotTs, readSet: tx.readSet(), journal: serializeJournal(journal) });
        } catch (e) {
          return finish({ failure: CallFailure.from(e), ts: tx.snapshotTs });
        }
      }
      for (let attempt = 1; ; attempt++) {
        logs.lines.length = 0;
        // The commit remembers which function wrote it: a later conflict with it names that function.
        const tx = this.database.begin({ writeSource: fn.path });
        let value: JSONValue;
        try {
          value = await this.execute({ ...base, tx });
        } catch (e) {
          return finish({ failure: CallFailure.from(e), ts: tx.snapshotTs });
        }
        try {
          req.beforeCommit?.(tx);
        } catch (e) {
          return finish({ failure: CallFailure.from(e), ts: tx.snapshotTs });
        }
        try {
          const commit = this.database.commit(tx);
          return finish({ value, ts: commit.ts });
        } catch (e) {
          if (!isWriteConflict(e)) return finish({ failure: CallFailure.from(e), ts: tx.snapshotTs });
          if (attempt < this.limits.mutationAttempts) continue;
          const message = writeConflictMessage({
            table: e.table,
            documentId: e.documentId,
            writer: e.writer,
            current: fn.path,
          });
          return finish({ failure: new CallFailure(message), ts: this.database.latestTs() });
        }
      }
    });
  }

  /** A built-in `_system/...` query (admin callers only): one read transaction, like any query. */
  private runSystemQuery<R>(
    req: CallRequest,
    finish: (result: { value: JSONValue; ts: bigint; readSet?: ReadSet } | { failure: CallFailure; ts: bigint }) => R,
  ): Promise<R> {
    const parsedPath = parseFunctionPath(req.path);
    const path = parsedPath.canonical;
    const query = systemQuery(path);
    const lookupError = !query
      ? notFoundMessage(path, true)
      : req.expectedType && req.expectedType !== "query"
        ? wrongTypeMessage(parsedPath.canonicalJs, req.expectedType, "query")
        : null;
    if (lookupError) return Promise.resolve(finish({ failure: new CallFailure(lookupError), ts: this.database.latestTs() }));
    return this.lock.run(async () => {
      let tx: Transaction;
      try {
        tx = this.beginQuery(req.ts);
      } catch (e) {
        return finish({ failure: CallFailure.from(e), ts: this.database.latestTs() });
      }
      let listed: Set<string> | null = null;
      try {
        const problem = argsMustBeObject(req.args);
        if (problem) throw new CallFailure(problem);
        const args = (req.args ?? {}) as Record<string, JSONValue>;
        const value = query!.run(
          {
            tx,
            userTableNames: () => this.database.tableNames(),
            dependsOnTableList: (names) => (listed = new Set(names)),
            environmentVariableDocuments: () => this.environmentVariableDocuments(),
            processEnv: () => this.functionEnv,
          },
          args,
        );
        const readSet = tx.readSet();
        if (listed) this.tableListReads.set(readSet, listed);
        return finish({ value, ts: tx.snapshotTs, readSet });
      } catch (e) {
        return finish({ failure: CallFailure.from(e), ts: tx.snapshotTs });
      }
    });
  }

  /** Runs one function execution: argument validation, the code, return validation. Throws CallFailure. */
  private async execute(opts: ExecuteOptions): Promise<JSONValue> {
    const { fn, code, tx, logs } = opts;
    const pathJs = parseFunctionPath(fn.path).canonicalJs;
    const argsJson = JSON.stringify([opts.args]);
    const oversizeArgs = argsTooLarge(pathJs, argsJson);
    if (oversizeArgs) throw new CallFailure(oversizeArgs);
    const isIdOfTable = this.idChecker(tx);
    const args = decodeArgs(opts.args, needsCheck(fn.args));
    const argsError = args === null ? null : validateArgs(fn.args, args, isIdOfTable);
    if (argsError) throw new CallFailure(argsError);

    const call: CallContext = {
      udfType: fn.udfType,
      path: fn.path,
      requestId: opts.requestId,
      identity: opts.identity,
      tx,
      depth: opts.depth,
      scheduledJobId: opts.scheduledJobId ?? null,
      paginated: false,
      journal: opts.journal,
      log: (level, message) => logs.add(level, message),
      openQueries: new Set(),
      core: this,
    };
    this.callCode.set(call, code);
    const deterministic = fn.udfType !== "action";
    let resultJson: string;
    try {
      resultJson = await code.bundle.invoke({
        module: fn.module,
        name: fn.name,
        udfType: fn.udfType,
        argsJson,
        requestId: opts.requestId,
        env: {
          deterministic,
          nowMs: Date.now(),
          processEnv: this.processEnv(),
          seed: randomInt(0, 2 ** 31),
          timeoutMs: deterministic ? this.limits.queryMutationTimeoutMs : this.limits.actionTimeoutMs,
          wallClockMs: deterministic ? this.limits.queryMutationWallClockMs : this.limits.actionTimeoutMs,
        },
        host: this.syscalls.hostFor(call),
      });
    } catch (e) {
      throw CallFailure.from(e);
    } finally {
      if (tx) for (const queryId of call.openQueries) tx.closeQuery(queryId);
    }
    const oversizeResult = resultTooLarge(pathJs, resultJson);
    if (oversizeResult) throw new CallFailure(oversizeResult);
    const result = JSON.parse(resultJson) as JSONValue;
    const returnsError = needsCheck(fn.returns) ? validateReturns(fn.returns, fromJson(result), isIdOfTable) : null;
    if (returnsError) throw new CallFailure(returnsError);
    return result;
  }

  /** `process.env` inside functions: the deployment's variables and its own URLs, as Convex provides them. */
  private processEnv(): Record<string, string> {
    return this.functionEnv;
  }

  private setEnvVars(vars: Map<string, string>, changes: readonly EnvVarChange[]): void {
    this.envVars = vars;
    this.envVarDocuments.apply(changes);
    this.functionEnv = functionEnvironment(vars, this);
  }

  /** A query's transaction: at the latest snapshot, or at `ts` (`/api/query_at_ts`) while that snapshot is kept. */
  private beginQuery(ts: Timestamp | undefined): Transaction {
    if (ts === undefined) return this.database.begin();
    if (ts > this.database.latestTs()) {
      throw new CallFailure(`Timestamp ${ts} is in the future: the latest timestamp is ${this.database.latestTs()}`);
    }
    try {
      return this.database.begin({ ts });
    } catch {
      throw new CallFailure(
        `Timestamp ${ts} is too old to query: only recent snapshots are kept (the latest timestamp is ${this.database.latestTs()})`,
      );
    }
  }

  private idChecker(tx: Transaction | null): (id: string, table: string) => boolean {
    let reader = tx;
    return (id, table) => {
      reader ??= this.database.begin();
      return reader.normalizeId(table, id) !== null;
    };
  }

  // ------------------------------------------------------ nested calls (DeploymentCore)

  async runNested(
    parent: CallContext,
    udfType: "query" | "mutation" | "snapshotQuery",
    path: string,
    args: JSONValue,
  ): Promise<JSONValue> {
    const code = this.callCode.get(parent) ?? this.code;
    if (!code || !parent.tx) throw new SyscallError("Nested calls are only available in queries and mutations");
    if (parent.depth + 1 > MAX_CALL_DEPTH) throw new SyscallError(CALL_DEPTH_EXCEEDED);
    const requested: UdfType = udfType === "snapshotQuery" ? "query" : udfType;
    if (parent.udfType === "query" && requested !== "query") {
      throw new SyscallError(`Cannot call a ${udfTypeName(requested)} function from a ${udfTypeName(parent.udfType)} function`);
    }
    let fn: RegisteredFunction;
    try {
      fn = code.registry.resolve(path, { allowInternal: true, expectedType: requested });
    } catch (e) {
      throw new SyscallError((e as Error).message);
    }
    const tx = udfType === "snapshotQuery" ? this.database.begin({ ts: parent.tx.snapshotTs }) : parent.tx;
    const savepoint = requested === "mutation" ? tx.savepoint() : null;
    try {
      return await this.execute({
        fn,
        code,
        args,
        tx,
        identity: parent.identity,
        requestId: parent.requestId,
        depth: parent.depth + 1,
        logs: { add: (level, message) => parent.log(level, message) },
      });
    } catch (e) {
      if (savepoint !== null) tx.rollbackTo(savepoint);
      const failure = CallFailure.from(e);
      throw new SyscallError(failure.nestedMessage, failure.errorData);
    }
  }

  async runFromAction(parent: CallContext, udfType: UdfType, path: string, args: JSONValue): Promise<JSONValue> {
    const { outcome, failure } = await this.runCall({
      path,
      args,
      identity: parent.identity,
      requestId: parent.requestId,
      expectedType: udfType,
      allowInternal: true,
    });
    if (outcome.status === "success") return outcome.value ?? null;
    throw new SyscallError(failure?.nestedMessage ?? outcome.errorMessage ?? "Unknown error", outcome.errorData);
  }

  fetch(request: FetchRequest): Promise<FetchResponse> {
    return this.fetchImpl(request);
  }

  // ------------------------------------------------------------------ HTTP actions

  async runHttpAction(request: SerializedRequest, identity?: UserIdentity | null): Promise<SerializedResponse> {
    const code = this.code;
    if (!code || !code.bundle.exports.some((x) => x.module === "http" && x.kind === "router")) {
      return textResponse(404, "This Convex deployment does not have HTTP actions enabled.");
    }
    const logs = new LogCollector();
    const requestId = newRequestId();
    const call: CallContext = {
      udfType: "action",
      path: "http:default",
      requestId,
      identity: identity ?? null,
      tx: null,
      depth: 0,
      paginated: false,
      log: (level, message) => logs.add(level, message),
      openQueries: new Set(),
      core: this,
    };
    this.callCode.set(call, code);
    try {
      return await code.bundle.invokeHttp({
        request,
        requestId,
        env: {
          deterministic: false,
          nowMs: Date.now(),
          processEnv: this.processEnv(),
          seed: randomInt(0, 2 ** 31),
          timeoutMs: this.limits.actionTimeoutMs,
          wallClockMs: this.limits.actionTimeoutMs,
        },
        host: this.syscalls.hostFor(call),
      });
    } catch (e) {
      const failure = CallFailure.from(e);
      const body = JSON.stringify({ code: failure.message, ...(failure.errorData !== undefined ? { data: failure.errorData } : {}) });
      return {
        status: 500,
        statusText: "Internal Server Error",
        headers: [["content-type", "application/json"]],
        bodyBase64: Buffer.from(body).toString("base64"),
      };
    }
  }

  // ------------------------------------------------------------------ environment variables

  environmentVariables(): Record<string, string> {
    return sortedEnvVars(this.envVars);
  }

  environmentVariableDocuments(): EnvironmentVariableDocument[] {
    return this.envVarDocuments.list(this.environmentVariables());
  }

  /**
   * Applies the changes (all or none; EnvironmentVariableError on bad input,
   * or when the push listeners refuse the new values: an auth.config.ts they
   * break), then reloads the running code so top-level code sees them too.
   * The function list stays as pushed (Convex re-reads it only on a push). If
   * the code no longer loads with the new values, its calls fail with that
   * error until the variables or the code change.
   */
  updateEnvironmentVariables(changes: readonly EnvVarChange[]): Promise<void> {
    return this.codeChanges.run(async () => {
      const next = applyEnvVarChanges(this.envVars, changes);
      const code = this.code;
      if (!code) {
        this.setEnvVars(next, changes);
        return;
      }
      const env = functionEnvironment(next, this);
      let bundle: LoadedBundle;
      try {
        bundle = await this.executor.load(withImportEnvironment(code.source, env, code.importPhase));
      } catch (e) {
        bundle = new UnloadableBundle(code.bundle, { message: String((e as UserCodeError).message ?? e) });
      }
      // As Convex re-evaluates auth.config.ts with the new values, refusing a change that breaks it.
      for (const listener of this.pushListeners) {
        try {
          await listener({ ...code.pushed, environmentVariables: env });
        } catch (e) {
          bundle.dispose();
          throw new EnvironmentVariableError("InvalidAuthConfig", `This change would make the auth config invalid: ${(e as Error).message}`);
        }
      }
      await this.lock.run(async () => {
        this.setEnvVars(next, changes);
        if (this.code !== code) {
          bundle.dispose();
          return;
        }
        this.code = { ...code, bundle };
        code.bundle.dispose();
      });
    });
  }

  // ------------------------------------------------------------------ data

  latestTs(): bigint {
    return this.database.latestTs();
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    return this.database.onCommit(listener);
  }

  readSetOverlaps(readSet: ReadSet, commit: Commit): boolean {
    const listed = this.tableListReads.get(readSet);
    if (listed && commit.writes.some((w) => !listed.has(w.table))) return true;
    return this.database.readSetOverlaps(readSet, commit.writes);
  }

  async reset(): Promise<void> {
    await this.lock.run(async () => {
      this.database.clear();
    });
    for (const listener of this.resetListeners) listener();
  }

  async dispose(): Promise<void> {
    for (const listener of this.disposeListeners.splice(0)) listener();
    await this.lock.run(async () => {
      this.code?.bundle.dispose();
      this.code = null;
      if (this.ownsExecutor) this.executor.dispose();
    });
  }
}

/** `process.env` in functions: the user's variables, then the built-in URLs (which users cannot set). */
function functionEnvironment(vars: Map<string, string>, urls: { cloudUrl: string; siteUrl: string }): Record<string, string> {
  return { ...sortedEnvVars(vars), CONVEX_CLOUD_URL: urls.cloudUrl, CONVEX_SITE_URL: urls.siteUrl };
}

function isWriteConflict(e: unknown): e is WriteConflictError {
  return e instanceof WriteConflictError || (e as Error)?.name === "WriteConflictError";
}

/**
 * Checks that the arguments are an object and, when they will be validated,
 * decodes them (a JSON object of one `$`-key is an encoded value, not an object).
 * Returns null when they need no decoding.
 */
function decodeArgs(args: JSONValue, forValidation: boolean): Value | null {
  const problem = argsMustBeObject(args);
  if (problem) throw new CallFailure(problem);
  const keys = args === null || args === undefined ? [] : Object.keys(args);
  const encodedValue = keys.length === 1 && keys[0].startsWith("$");
  if (!forValidation && !encodedValue) return null;
  let value: Value;
  try {
    value = fromJson(args ?? {});
  } catch (e) {
    throw new CallFailure((e as Error).message);
  }
  const decodedProblem = argsMustBeObject(value);
  if (decodedProblem) throw new CallFailure(decodedProblem);
  return value;
}

function httpFile(files: Record<string, string>): string | null {
  return ["http.ts", "http.js"].find((f) => f in files) ?? null;
}

function textResponse(status: number, text: string): SerializedResponse {
  return {
    status,
    headers: [["content-type", "text/plain; charset=utf-8"]],
    bodyBase64: Buffer.from(text).toString("base64"),
  };
}

/** Push errors as the CLI prints them: `file:line:column: message`, one per line. */
export function formatPushErrors(errors: PushError[]): string {
  return errors.map((e) => (e.file ? `${e.file}${e.line ? `:${e.line}:${e.column}` : ""}: ${e.message}` : e.message)).join("\n");
}

/** Pushes `files`; when the push fails, disposes the deployment and throws "Push failed:\n…". */
export async function pushOrThrow(deployment: Deployment, files: Record<string, string>): Promise<void> {
  const result = await deployment.push(files);
  if (!result.ok) {
    await deployment.dispose();
    throw new Error(`Push failed:\n${formatPushErrors(result.errors)}`);
  }
}

/** Creates a deployment; with `files`, pushes them first and throws if that push fails. */
export async function createDeployment(options: SandboxDeploymentOptions = {}): Promise<SandboxDeployment> {
  const deployment = new SandboxDeployment(options);
  if (options.files) await pushOrThrow(deployment, options.files);
  return deployment;
}
