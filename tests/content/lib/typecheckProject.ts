/**
 * Type checks small Convex projects held in memory — `convex/**` (and an
 * optional `src/App.tsx`) — against the installed `convex` package, with
 * `convex/_generated/*.d.ts` produced by the sandbox runtime's codegen (the
 * `convex` package's own templates). All projects are checked in one
 * TypeScript program (each in its own folder), so the library declarations
 * are loaded once. Returns formatted diagnostics per project; an empty list
 * means the project typechecks.
 */
import { join, resolve } from "node:path";
import ts from "typescript";
import { generateTypes } from "../../../src/sandbox/runtime/codegen/index.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");
/** A folder that does not exist, inside the repository, so `convex` and `@types/node` resolve from its node_modules. */
const VIRTUAL_ROOT = join(REPO_ROOT, ".typecheck");

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  isolatedModules: true,
  forceConsistentCasingInFileNames: true,
};

/** Project files keyed by project path: `convex/schema.ts`, `src/App.tsx`. */
export type ProjectFiles = Record<string, string>;

export async function typecheckProjects(projects: Record<string, ProjectFiles>): Promise<Record<string, string[]>> {
  const virtual = new Map<string, string>();
  const roots: Record<string, string> = {};
  for (const [name, files] of Object.entries(projects)) {
    const root = join(VIRTUAL_ROOT, name.replace(/[^\w-]/g, "_"));
    if (Object.values(roots).includes(root)) throw new Error(`Two projects map to the folder ${root}.`);
    roots[name] = root;
    const convexFiles: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) {
      if (path.startsWith("convex/")) convexFiles[path.slice("convex/".length)] = text;
      if (/\.tsx?$/.test(path)) virtual.set(join(root, path), text);
    }
    for (const [path, text] of Object.entries(await generateTypes(convexFiles))) {
      virtual.set(join(root, "convex", path), text);
    }
  }

  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  host.directoryExists = (dir) =>
    dir === VIRTUAL_ROOT || [...virtual.keys()].some((file) => file.startsWith(dir + "/")) || ts.sys.directoryExists(dir);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };

  const rootNames = [...virtual.keys()].filter((file) => !file.endsWith(".d.ts"));
  const program = ts.createProgram({ rootNames, options: COMPILER_OPTIONS, host });

  const results: Record<string, string[]> = Object.fromEntries(Object.keys(projects).map((name) => [name, []]));
  const global: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const fileName = d.file?.fileName ?? "";
    const owner = Object.keys(roots).find((name) => fileName.startsWith(roots[name] + "/"));
    if (!d.file || d.start === undefined || owner === undefined) {
      global.push(fileName ? `${fileName}: ${message}` : message);
      continue;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    results[owner].push(`${fileName.slice(roots[owner].length + 1)}:${line + 1}:${character + 1}: ${message}`);
  }
  // A diagnostic outside every project (a library or option problem) fails them all.
  if (global.length) for (const name of Object.keys(results)) results[name].push(...global);
  return results;
}
