/**
 * The in-process executor: `node:vm` contexts in this Node process. For
 * tests, benchmarks and the embedded API; it does not isolate untrusted code
 * (the server uses the isolate executor for that).
 *
 * Queries and mutations share one context per loaded bundle (the deployment
 * runs them one at a time); each action and HTTP action gets a fresh context,
 * so concurrent actions never share per-call state such as their log lines.
 *
 * A `node:vm` context's global object answers every lookup through Node's
 * interceptors, which makes each free reference to a global (`Object.entries`,
 * `JSON.stringify`, `Convex.asyncSyscall`, ...) several times slower than in a
 * plain realm. The bundle therefore runs inside a function whose parameters
 * bind the standard built-ins and `Convex` once, when the bundle is evaluated
 * (after the environment prelude): code in the bundle sees the same objects
 * through fast local bindings. Only a module that replaces one of these
 * globals wholesale (`globalThis.JSON = ...`) would see a difference: the
 * bundle keeps the original.
 */
import vm from "node:vm";
import type {
  Bundle,
  Executor,
  InvokeHttpRequest,
  InvokeRequest,
  JSONValue,
  LoadedBundle,
  ModuleExportInfo,
  SerializedResponse,
} from "../types.ts";
import { BUNDLE_FILENAME } from "../bundler/index.ts";
import { ContextRunner } from "./contextRunner.ts";
import { createStackMapper, type StackMapper } from "./stackTrace.ts";

class InProcessBundle implements LoadedBundle {
  readonly exports: ModuleExportInfo[];
  readonly schema: JSONValue | null;
  readonly crons: JSONValue | null;
  readonly httpRoutes: Array<{ path: string; method: string }>;
  private shared: ContextRunner;
  private disposed = false;

  constructor(
    private readonly script: vm.Script,
    private readonly mapper: StackMapper,
  ) {
    this.shared = new ContextRunner(script, mapper);
    const description = this.shared.load();
    this.exports = description.exports;
    this.schema = description.schema;
    this.crons = description.crons;
    this.httpRoutes = description.httpRoutes;
  }

  private freshRunner(): ContextRunner {
    const runner = new ContextRunner(this.script, this.mapper);
    runner.load();
    return runner;
  }

  async invoke(req: InvokeRequest): Promise<string> {
    if (this.disposed) throw { message: "This version of the functions was replaced." };
    const message = {
      module: req.module,
      name: req.name,
      udfType: req.udfType,
      requestId: req.requestId,
      argsJson: req.argsJson,
      env: req.env,
    };
    if (req.udfType === "action") {
      const runner = this.freshRunner();
      try {
        return await runner.invoke(message, req.host);
      } finally {
        runner.dispose();
      }
    }
    if (this.shared.dead) {
      this.shared = new ContextRunner(this.script, this.mapper);
      this.shared.load();
    }
    return this.shared.invoke(message, req.host);
  }

  async invokeHttp(req: InvokeHttpRequest): Promise<SerializedResponse> {
    const runner = this.freshRunner();
    try {
      const json = await runner.invokeHttp({ request: req.request, requestId: req.requestId, env: req.env }, req.host);
      return JSON.parse(json) as SerializedResponse;
    } finally {
      runner.dispose();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.shared.dispose();
  }
}

/** Globals the bundle reads through local bindings (none of them is replaced by the prelude or per call). */
const BOUND_GLOBALS = [
  "Object", "Array", "Number", "String", "Boolean", "Symbol", "BigInt", "JSON", "Math", "Reflect", "Promise",
  "Error", "TypeError", "RangeError", "Map", "Set", "WeakMap", "WeakSet", "ArrayBuffer", "Uint8Array", "DataView",
  "Convex",
].join(", ");

/**
 * The bundle inside a function binding `BOUND_GLOBALS`. The opening goes on
 * the bundle's first line (esbuild's `(() => {`, no user code), so every
 * user line keeps its number and columns for the source map.
 */
function withBoundGlobals(code: string): string {
  return `(function (${BOUND_GLOBALS}) {${code}\n}).call(this, ${BOUND_GLOBALS});`;
}

export class InProcessExecutor implements Executor {
  async load(bundle: Bundle): Promise<LoadedBundle> {
    const script = new vm.Script(withBoundGlobals(bundle.code), { filename: BUNDLE_FILENAME });
    return new InProcessBundle(script, createStackMapper(bundle));
  }
  dispose(): void {}
}
