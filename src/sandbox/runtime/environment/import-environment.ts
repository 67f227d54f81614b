/**
 * What `process.env` holds while the modules load (top-level code). Convex
 * evaluates modules with the deployment's current variables, so the bundle a
 * deployment hands to its executor starts by stating them: its first line
 * gains a `__convexRuntime.setImportEnvironment(...)` statement (the prelude
 * is evaluated first and defines it). Line 1 of a functions bundle is the
 * bundle's own wrapper, never user code, so source positions stay exact.
 */
import type { Bundle, InvokeHttpRequest, InvokeRequest, LoadedBundle, SerializedResponse } from "../types.ts";

export function withImportEnvironment(bundle: Bundle, vars: Record<string, string>): Bundle {
  const statement = `__convexRuntime.setImportEnvironment(${JSON.stringify(JSON.stringify(vars))});`;
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
