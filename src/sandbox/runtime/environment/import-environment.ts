/**
 * What the modules' top-level code sees while they load. Convex evaluates
 * modules with the deployment's current variables in `process.env`, and
 * gives each push an import-time random seed and timestamp
 * (`import_phase_rng_seed`, `import_phase_unix_timestamp` in convex-backend
 * `crates/isolate/src/environment/udf/phase.rs`): `Math.random()` at the top
 * level draws from a generator seeded with it and `Date.now()` is the push's
 * time, the same on every load of that push. So the bundle a deployment
 * hands to its executor starts by stating them: its first line gains a
 * `__convexRuntime.setImportEnvironment(...)` statement (the prelude is
 * evaluated first and defines it). Line 1 of a functions bundle is the
 * bundle's own wrapper, never user code, so source positions stay exact.
 */
import { randomInt } from "node:crypto";
import type { Bundle, InvokeHttpRequest, InvokeRequest, LoadedBundle, SerializedResponse } from "../types.ts";

/** A push's import-time seed and timestamp. */
export interface ImportPhase {
  seed: number;
  timeMs: number;
}

export function newImportPhase(nowMs: number): ImportPhase {
  return { seed: randomInt(0, 2 ** 31), timeMs: nowMs };
}

export function withImportEnvironment(bundle: Bundle, vars: Record<string, string>, phase: ImportPhase): Bundle {
  const environment = { vars, seed: phase.seed, timeMs: phase.timeMs };
  const statement = `__convexRuntime.setImportEnvironment(${JSON.stringify(JSON.stringify(environment))});`;
  return { ...bundle, code: statement + bundle.code };
}

/**
 * Stands in for a bundle that no longer loads with the current variables
 * (its top-level code threw): the function list stays as pushed, and every
 * call fails with the import error, as each call would on Convex.
 */
export class UnloadableBundle implements LoadedBundle {
  readonly exports: LoadedBundle["exports"];
  readonly schema: LoadedBundle["schema"];
  readonly crons: LoadedBundle["crons"];
  readonly httpRoutes: LoadedBundle["httpRoutes"];

  constructor(
    pushed: LoadedBundle,
    private readonly error: { message: string },
  ) {
    this.exports = pushed.exports;
    this.schema = pushed.schema;
    this.crons = pushed.crons;
    this.httpRoutes = pushed.httpRoutes;
  }

  invoke(_req: InvokeRequest): Promise<string> {
    return Promise.reject({ message: this.error.message });
  }

  invokeHttp(_req: InvokeHttpRequest): Promise<SerializedResponse> {
    return Promise.reject({ message: this.error.message });
  }

  dispose(): void {}
}
