/**
 * The isolate executor: runs learners' code in V8 isolates (`isolated-vm`)
 * with a memory cap and time budgets, out of reach of every Node API.
 *
 * Each loaded bundle has two isolates: one for queries and mutations (one
 * shared context; the deployment runs them one at a time) and one for actions
 * and HTTP actions (a fresh context per call), so a runaway action never
 * stalls the sandbox's queries. An action that starts while another one runs
 * gets an isolate of its own for its duration, so one action going past its
 * limit (which disposes its isolate) never takes others with it. A dead
 * isolate (time limit, memory cap) is recreated on the next call.
 */
import type {
  Bundle,
  Executor,
  InvokeHttpRequest,
  InvokeRequest,
  JSONValue,
  LoadedBundle,
  ModuleExportInfo,
  SerializedResponse,
} from "../../types.ts";
import { createStackMapper, type StackMapper } from "../stackTrace.ts";
import { IsolateContext } from "./isolate-context.ts";
import { IsolateHost, type IsolateLimits } from "./isolate-host.ts";

export interface IsolateExecutorOptions {
  /** Memory cap of each isolate, MB (default 64). */
  memoryMb?: number;
}

class IsolateBundle implements LoadedBundle {
  exports: ModuleExportInfo[] = [];
  schema: JSONValue | null = null;
  crons: JSONValue | null = null;
  httpRoutes: Array<{ path: string; method: string }> = [];
  private udfHost: IsolateHost;
  private udfContext: Promise<IsolateContext> | null = null;
  private actionHost: IsolateHost | null = null;
  /** Action isolates with an action running in them. */
  private readonly busyActionHosts = new Set<IsolateHost>();
  private disposed = false;

  constructor(
    private readonly bundle: Bundle,
    private readonly mapper: StackMapper,
    private readonly limits: IsolateLimits,
  ) {
    this.udfHost = new IsolateHost(bundle, limits);
  }

  async init(): Promise<void> {
    const context = new IsolateContext(this.udfHost, this.mapper);
    const description = await context.load().catch((e: unknown) => {
      context.dispose();
      this.udfHost.kill({ kind: "disposed" });
      throw e;
    });
    this.exports = description.exports;
    this.schema = description.schema;
    this.crons = description.crons;
    this.httpRoutes = description.httpRoutes ?? [];
    this.udfContext = Promise.resolve(context);
  }

  async invoke(req: InvokeRequest): Promise<string> {
    if (this.disposed) throw { message: "This version of the functions was replaced." };
    const { host: _host, ...message } = req;
    if (req.udfType === "action") return this.inActionContext((context) => context.invoke(message, req.host));
    const context = await this.sharedContext();
    return context.invoke(message, req.host);
  }

  async invokeHttp(req: InvokeHttpRequest): Promise<SerializedResponse> {
    if (this.disposed) throw { message: "This version of the functions was replaced." };
    const json = await this.inActionContext((context) =>
      context.invokeHttp({ request: req.request, requestId: req.requestId, env: req.env }, req.host),
    );
    return JSON.parse(json) as SerializedResponse;
  }

  /** Heap bytes in use across this bundle's isolates. */
  heapBytes(): number {
    let total = this.udfHost.heapBytes() + (this.actionHost?.heapBytes() ?? 0);
    for (const host of this.busyActionHosts) if (host !== this.actionHost) total += host.heapBytes();
    return total;
  }

  dispose(): void {
    this.disposed = true;
    this.udfHost.kill({ kind: "disposed" });
    this.actionHost?.kill({ kind: "disposed" });
    for (const host of this.busyActionHosts) host.kill({ kind: "disposed" });
  }

  private sharedContext(): Promise<IsolateContext> {
    if (this.udfHost.dead) {
      this.udfHost = new IsolateHost(this.bundle, this.limits);
      this.udfContext = null;
    }
    if (!this.udfContext) {
      const context = new IsolateContext(this.udfHost, this.mapper);
      this.udfContext = context.load().then(() => context);
      this.udfContext.catch(() => {
        this.udfContext = null;
      });
    }
    return this.udfContext;
  }

  /** Runs an action in a fresh context: in the kept action isolate, or in one of its own while that one is busy. */
  private async inActionContext<T>(run: (context: IsolateContext) => Promise<T>): Promise<T> {
    if (!this.actionHost || this.actionHost.dead) this.actionHost = new IsolateHost(this.bundle, this.limits);
    const host = this.busyActionHosts.has(this.actionHost) ? new IsolateHost(this.bundle, this.limits) : this.actionHost;
    this.busyActionHosts.add(host);
    const context = new IsolateContext(host, this.mapper);
    try {
      await context.load();
      return await run(context);
    } finally {
      context.dispose();
      this.busyActionHosts.delete(host);
      if (host !== this.actionHost) host.kill({ kind: "disposed" });
    }
  }
}

export class IsolateExecutor implements Executor {
  private readonly limits: IsolateLimits;
  private readonly loaded = new Set<IsolateBundle>();

  constructor(options: IsolateExecutorOptions = {}) {
    this.limits = { memoryMb: options.memoryMb ?? 64 };
  }

  async load(bundle: Bundle): Promise<LoadedBundle> {
    const loaded = new IsolateBundle(bundle, createStackMapper(bundle), this.limits);
    await loaded.init();
    this.loaded.add(loaded);
    const dispose = loaded.dispose.bind(loaded);
    loaded.dispose = () => {
      this.loaded.delete(loaded);
      dispose();
    };
    return loaded;
  }

  /** Heap bytes in use by every bundle this executor has loaded. */
  heapBytes(): number {
    let total = 0;
    for (const b of this.loaded) total += b.heapBytes();
    return total;
  }

  dispose(): void {
    for (const b of [...this.loaded]) b.dispose();
  }
}
