/**
 * What happens when functions try to load a module at run time.
 *
 * Modules are bundled at push time; a literal `import("x")` or `require("x")`
 * of anything but the functions folder and `convex` fails the push there
 * (see virtualFiles.ts). A computed specifier (`import(name)`,
 * `require(name)`) can only be known when the call runs: the bundler lowers
 * `import()` to esbuild's `__require` helper (`supported: { "dynamic-import":
 * false }`), and that helper is replaced by loaders that throw a clear error
 * naming what was attempted. Both executors (isolated-vm and node:vm) then
 * fail the call the same way.
 */
import { builtinModules } from "node:module";

const WHY =
  "Convex functions run in a V8 isolate without Node.js built-in modules or require(), " +
  'and this sandbox does not run "use node" actions: import only "convex" and your own files, with static import statements.';

/** Real Convex rejects `import()` in its isolate with `TypeError: dynamic module import unsupported`. */
export function dynamicImportMessage(specifier: string): string {
  return `dynamic module import unsupported: import(${JSON.stringify(specifier)}) cannot load a module at run time. ${WHY}`;
}

/** esbuild's own text for a `require` of a name it could not bundle, then why. */
export function dynamicRequireMessage(specifier: string): string {
  return `Dynamic require of ${JSON.stringify(specifier)} is not supported. ${WHY}`;
}

/** The esbuild options that route every run-time module load through its `__require` helper. */
export const RUNTIME_LOADING_OPTIONS = { supported: { "dynamic-import": false } } as const;

// esbuild lowers `import(x)` to `__toESM(__require(x))`; the same-length name
// keeps every column of the line, so source-mapped stack positions stay exact.
const LOWERED_IMPORT = "__toESM(__require(";
const LOWERED_IMPORT_MARKED = "__toESM(__dynamic(";
// esbuild's helper, which calls a global `require` when there is one.
const HELPER_START = "var __require = ";
const HELPER_END = "is not supported');\n  });";

/** The two throwing loaders, as a declaration built from the same message functions. */
function loaders(): string {
  const [importBefore, importAfter] = dynamicImportMessage("\0").split('"\\u0000"');
  const [requireBefore, requireAfter] = dynamicRequireMessage("\0").split('"\\u0000"');
  const text = (before: string, after: string) =>
    `${JSON.stringify(before)} + JSON.stringify(String(specifier)) + ${JSON.stringify(after)}`;
  return (
    `var __require = function (specifier) { throw new Error(${text(requireBefore, requireAfter)}); }, ` +
    `__dynamic = function (specifier) { throw new TypeError(${text(importBefore, importAfter)}); };`
  );
}

/**
 * Replaces esbuild's `__require` helper (runtime lines at the top of the
 * bundle, never user code) with the throwing loaders, padded to the same
 * number of lines, and points lowered `import()`s at `__dynamic`. Every user
 * line keeps its number and columns, and no global `require` appears.
 */
export function replaceRuntimeLoading(code: string): string {
  const start = code.indexOf(HELPER_START);
  const end = start === -1 ? -1 : code.indexOf(HELPER_END, start);
  if (end === -1) return code;
  const helper = code.slice(start, end + HELPER_END.length);
  const padding = "\n".repeat(helper.split("\n").length - 1);
  const rest = code.slice(end + HELPER_END.length).split(LOWERED_IMPORT).join(LOWERED_IMPORT_MARKED);
  return code.slice(0, start) + loaders() + padding + rest;
}

/** True for `fs`, `node:fs`, `fs/promises` and the other modules built into Node.js. */
export function isNodeBuiltin(specifier: string): boolean {
  const name = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  return builtinModules.includes(name) || builtinModules.includes(name.split("/")[0]);
}

/** The CLI's test for a `"use node"` directive line (`useNodeDirectiveRegex`). */
const USE_NODE_DIRECTIVE = /^\s*("|')use node("|');?\s*$/m;

export function hasUseNodeDirective(source: string): boolean {
  return USE_NODE_DIRECTIVE.test(source);
}

/** Push error for a static import of a Node.js built-in, after the CLI's advice. */
export function nodeBuiltinPushMessage(specifier: string, fromUseNodeFile = false): string {
  const lead = `Could not resolve ${JSON.stringify(specifier)}: it is built into Node.js, and Convex functions run in a V8 isolate without Node.js APIs. `;
  if (fromUseNodeFile) {
    return lead + 'This sandbox does not run "use node" actions (the directive is ignored), so only "convex" and your own files can be imported.';
  }
  return (
    lead +
    'It looks like you are using Node APIs from a file without the "use node" directive; this sandbox does not run "use node" actions, ' +
    'so only "convex" and your own files can be imported.'
  );
}
