/**
 * An esbuild plugin that serves the functions folder from memory.
 *
 * User files live in the `fn` namespace under their folder-relative path
 * (`messages.ts`, `folder/file.ts`), so source maps and errors name them the
 * way the learner wrote them. Relative imports resolve like TypeScript's
 * bundler resolution (`./x`, `./x.js` → `x.ts`, `./dir` → `dir/index.ts`).
 * `convex` and `convex/*` resolve to the installed package; anything else is
 * refused with a clear error, since the sandbox has no other packages (and
 * Node.js built-ins get the CLI's "use node" advice).
 */
import type { Plugin } from "esbuild";
import { ENTRY_POINT_EXTENSIONS } from "./entryPoints.ts";
import { hasUseNodeDirective, isNodeBuiltin, nodeBuiltinPushMessage } from "./runtimeLoading.ts";

export const FILE_NAMESPACE = "fn";
export const ENTRY_PATH = "<entry>";

const LOADERS: Record<string, "ts" | "tsx" | "js" | "jsx" | "json" | "text"> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
  ".json": "json",
  ".txt": "text",
  ".md": "text",
};

function loaderFor(path: string) {
  const dot = path.lastIndexOf(".");
  return LOADERS[dot === -1 ? "" : path.slice(dot)] ?? "ts";
}

/** Joins a relative specifier onto the importing file's folder; null when it leaves the folder. */
function joinRelative(importer: string, specifier: string): string | null {
  const parts = importer.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join("/");
}

/** The file a relative import names, trying the extensions TypeScript would. */
export function resolveInFolder(files: Record<string, string>, importer: string, specifier: string): string | null {
  const base = joinRelative(importer, specifier);
  if (base === null) return null;
  const candidates = [base];
  const jsExt = base.match(/\.(m|c)?jsx?$/);
  if (jsExt) {
    const stem = base.slice(0, -jsExt[0].length);
    const tsExt = jsExt[0].replace("js", "ts");
    candidates.push(stem + tsExt, stem + ".tsx", stem + ".ts");
  }
  for (const ext of ENTRY_POINT_EXTENSIONS) candidates.push(base + ext);
  for (const ext of ENTRY_POINT_EXTENSIONS) candidates.push(base + "/index" + ext);
  return candidates.find((c) => c in files) ?? null;
}

export function virtualFilesPlugin(opts: {
  files: Record<string, string>;
  entryContents: string;
  /** A folder from which `convex` resolves through node_modules. */
  packageRoot: string;
}): Plugin {
  const { files, entryContents, packageRoot } = opts;
  return {
    name: "sandbox-functions-folder",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const fromFolder = args.namespace === FILE_NAMESPACE || args.kind === "entry-point";
        if (!fromFolder) return undefined;
        if (args.kind === "entry-point") return { path: ENTRY_PATH, namespace: FILE_NAMESPACE };
        const spec = args.path;
        if (spec.startsWith("./") || spec.startsWith("../") || spec === "." || spec === "..") {
          const importer = args.importer === ENTRY_PATH ? "" : args.importer;
          const found = resolveInFolder(files, importer, spec);
          if (found === null) return { errors: [{ text: `Could not resolve "${spec}"` }] };
          return { path: found, namespace: FILE_NAMESPACE };
        }
        if (spec === "convex" || spec.startsWith("convex/")) return undefined; // node_modules, via resolveDir
        if (spec.startsWith("/")) {
          return { errors: [{ text: `Could not resolve "${spec}": imports must be relative to the file` }] };
        }
        if (isNodeBuiltin(spec)) {
          const useNode = hasUseNodeDirective(files[args.importer] ?? "");
          return { errors: [{ text: nodeBuiltinPushMessage(spec, useNode) }] };
        }
        return {
          errors: [
            {
              text: `Could not resolve "${spec}": only the "convex" package is available to functions in the sandbox`,
            },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: FILE_NAMESPACE }, (args) => {
        if (args.path === ENTRY_PATH) {
          return { contents: entryContents, loader: "js", resolveDir: packageRoot };
        }
        const contents = files[args.path];
        if (contents === undefined) return { errors: [{ text: `File not found: ${args.path}` }] };
        return { contents, loader: loaderFor(args.path), resolveDir: packageRoot };
      });
    },
  };
}
