/**
 * Bundles a functions folder into one classic script, as the Convex CLI
 * bundles a `convex/` folder (esbuild, the `convex` conditions, the real
 * `convex/server` + `convex/values` code included), except that everything
 * goes into a single script that sets
 * `globalThis.__convexModules = { "messages": namespace, "folder/file": ... }`
 * so that every module shares one instance of the `convex` package.
 * Modules a call tries to load at run time get a clear error
 * (runtimeLoading.ts).
 */
import { dirname } from "node:path";
import * as esbuild from "esbuild";
import type { Bundle, PushError } from "../types.ts";
import { convexPackageDir } from "../codegen/templates.ts";
import { generateCode } from "../codegen/index.ts";
import { functionModuleFiles, isGeneratedFile, modulePathOf, normalizeFiles, schemaFile } from "./entryPoints.ts";
import { FILE_NAMESPACE, virtualFilesPlugin } from "./virtualFiles.ts";
import { RUNTIME_LOADING_OPTIONS, replaceRuntimeLoading } from "./runtimeLoading.ts";

export { normalizeFiles, functionModuleFiles, modulePathOf } from "./entryPoints.ts";

/** Name the bundle script is evaluated under; stack frames in it are mapped back to sources. */
export const BUNDLE_FILENAME = "convex-functions-bundle.js";

export type BundleResult = { ok: true; bundle: Bundle } | { ok: false; errors: PushError[] };

const packageRoot = dirname(dirname(convexPackageDir));

function entrySource(modules: Array<{ module: string; file: string }>): string {
  const imports = modules.map((m, i) => `import * as m${i} from ${JSON.stringify("./" + m.file)};`);
  const entries = modules.map((m, i) => `  ${JSON.stringify(m.module)}: m${i},`);
  return `${imports.join("\n")}\nglobalThis.__convexModules = {\n${entries.join("\n")}\n};\n`;
}

/** Source-map `sources` entries for user files carry the namespace prefix; this strips it. */
export function sourceFileName(source: string): string | null {
  const prefix = FILE_NAMESPACE + ":";
  return source.startsWith(prefix) ? source.slice(prefix.length) : null;
}

export async function bundleFunctions(input: Record<string, string>): Promise<BundleResult> {
  let files: Record<string, string>;
  try {
    files = normalizeFiles(input);
  } catch (e) {
    return { ok: false, errors: [{ file: null, line: null, column: null, message: (e as Error).message }] };
  }
  // `_generated/` is always regenerated from the sources, whatever was sent.
  for (const path of Object.keys(files)) if (isGeneratedFile(path)) delete files[path];
  Object.assign(files, await generateCode(files));

  const moduleFiles = functionModuleFiles(files);
  const schema = schemaFile(files);
  const modules = moduleFiles.map((file) => ({ module: modulePathOf(file), file }));
  if (schema) modules.push({ module: "schema", file: schema });

  let result: esbuild.BuildResult & { outputFiles: esbuild.OutputFile[] };
  try {
    result = await esbuild.build({
      entryPoints: ["<entry>"],
      bundle: true,
      write: false,
      outfile: BUNDLE_FILENAME,
      format: "iife",
      platform: "browser",
      target: "esnext",
      jsx: "automatic",
      conditions: ["convex", "module"],
      sourcemap: "external",
      sourcesContent: false,
      keepNames: true,
      treeShaking: true,
      define: { "process.env.NODE_ENV": '"production"' },
      ...RUNTIME_LOADING_OPTIONS,
      logLevel: "silent",
      plugins: [virtualFilesPlugin({ files, entryContents: entrySource(modules), packageRoot })],
    });
  } catch (e) {
    const failure = e as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw e;
    return { ok: false, errors: failure.errors.map(toPushError) };
  }
  const code = replaceRuntimeLoading(result.outputFiles.find((f) => f.path.endsWith(".js"))!.text);
  const map = result.outputFiles.find((f) => f.path.endsWith(".map"))?.text ?? null;
  return { ok: true, bundle: { code, sourceMap: map, modules: modules.map((m) => m.module) } };
}

function toPushError(message: esbuild.Message): PushError {
  const loc = message.location;
  const file = loc ? (sourceFileName(loc.file) ?? loc.file) : null;
  return {
    file: file === "<entry>" ? null : file,
    line: loc ? loc.line : null,
    column: loc ? loc.column + 1 : null,
    message: message.text,
  };
}
