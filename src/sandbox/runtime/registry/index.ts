/**
 * The function registry of one pushed version: every registered query,
 * mutation and action by path, with its visibility and validators, and the
 * lookups real Convex performs before running one (visibility, type check).
 */
import type { FunctionInfo, ModuleExportInfo, UdfType } from "../types.ts";
import { parseFunctionPath, type ParsedPath } from "./paths.ts";

export { parseFunctionPath } from "./paths.ts";
export { validateArgs, validateReturns, argsMustBeObject, needsCheck } from "./validation.ts";
export { argsTooLarge, resultTooLarge } from "./sizeLimits.ts";

const TYPE_NAMES: Record<UdfType, string> = { query: "Query", mutation: "Mutation", action: "Action" };
export const udfTypeName = (t: UdfType) => TYPE_NAMES[t];

/** "Could not find (public) function for '…'": the public form unless internal functions were allowed. */
export function notFoundMessage(canonical: string, allowInternal: boolean): string {
  return `Could not find ${allowInternal ? "" : "public "}function for '${canonical}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`;
}

/** "Trying to execute … as …, but it is defined as …." (the module is named `module.js`, as the backend does). */
export function wrongTypeMessage(canonicalJs: string, expected: UdfType, actual: UdfType): string {
  return `Trying to execute ${canonicalJs} as ${TYPE_NAMES[expected]}, but it is defined as ${TYPE_NAMES[actual]}.`;
}

/** A lookup failure, with the exact text real Convex returns. */
export class FunctionLookupError extends Error {}

export interface RegisteredFunction extends FunctionInfo {
  module: string;
  name: string;
}

export class FunctionRegistry {
  private readonly byPath = new Map<string, RegisteredFunction>();

  constructor(exports: ModuleExportInfo[]) {
    for (const e of exports) {
      if (e.kind !== "query" && e.kind !== "mutation" && e.kind !== "action") continue;
      if (e.module === "schema" || e.module.startsWith("_generated/")) continue;
      const path = `${e.module}:${e.name}`;
      this.byPath.set(path, {
        path,
        module: e.module,
        name: e.name,
        udfType: e.kind,
        visibility: e.visibility ?? "public",
        args: e.args,
        returns: e.returns,
      });
    }
  }

  functions(): FunctionInfo[] {
    return [...this.byPath.values()]
      .map(({ path, udfType, visibility, args, returns }) => ({ path, udfType, visibility, args, returns }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get(path: string): RegisteredFunction | undefined {
    return this.byPath.get(parseFunctionPath(path).canonical);
  }

  /**
   * The function a call names, after the checks Convex makes: it exists and,
   * from outside, is public ("Could not find public function for '…'."); and,
   * when a type is expected, it is of that type ("Trying to execute … as …").
   */
  resolve(path: string, opts: { allowInternal: boolean; expectedType?: UdfType }): RegisteredFunction {
    const parsed: ParsedPath = parseFunctionPath(path);
    const fn = this.byPath.get(parsed.canonical);
    if (!fn) throw new FunctionLookupError(notFoundMessage(parsed.canonical, opts.allowInternal));
    if (fn.visibility === "internal" && !opts.allowInternal) {
      throw new FunctionLookupError(notFoundMessage(parsed.canonical, false));
    }
    if (opts.expectedType && opts.expectedType !== fn.udfType) {
      throw new FunctionLookupError(wrongTypeMessage(parsed.canonicalJs, opts.expectedType, fn.udfType));
    }
    return fn;
  }
}
