/**
 * Which files of a functions folder are function modules, by the same rules
 * the Convex CLI applies when it bundles a `convex/` folder
 * (`convex/dist/esm/bundler/index.js`, `entryPoints`).
 */

/** Extensions esbuild can load as an entry point (the CLI's list). */
export const ENTRY_POINT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];

/** `./folder\\file.ts` → `folder/file.ts`. */
export function normalizeFilePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "");
}

/** `folder/file.ts` → `folder/file` (the module path used in function names). */
export function modulePathOf(filePath: string): string {
  const lastDot = filePath.lastIndexOf(".");
  const lastSlash = filePath.lastIndexOf("/");
  return lastDot > lastSlash ? filePath.slice(0, lastDot) : filePath;
}

export function isSchemaFile(filePath: string): boolean {
  return filePath === "schema.ts" || filePath === "schema.js";
}

export function isGeneratedFile(filePath: string): boolean {
  return filePath.startsWith("_generated/");
}

/** True when the CLI would treat this file as a function module (and list it in `api`). */
export function isFunctionModule(filePath: string, contents: string): boolean {
  const base = filePath.slice(filePath.lastIndexOf("/") + 1);
  if (!ENTRY_POINT_EXTENSIONS.some((ext) => filePath.endsWith(ext))) return false;
  if (isGeneratedFile(filePath)) return false;
  if (base.startsWith(".") || base.startsWith("#")) return false;
  if (base === "schema.ts" || base === "schema.js") return false;
  if ((base.match(/\./g) ?? []).length > 1) return false;
  if (filePath.includes(" ")) return false;
  if ((filePath.endsWith(".ts") || filePath.endsWith(".tsx")) && !/^\s{0,100}(import|export)/m.test(contents)) {
    return false;
  }
  return true;
}

/** Function module file paths, sorted as the CLI sorts them. */
export function functionModuleFiles(files: Record<string, string>): string[] {
  return Object.keys(files)
    .filter((path) => isFunctionModule(path, files[path]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The schema file's path, if the folder has one. */
export function schemaFile(files: Record<string, string>): string | null {
  if ("schema.ts" in files) return "schema.ts";
  if ("schema.js" in files) return "schema.js";
  return null;
}

/** Normalizes every key; rejects paths that escape the folder or are reserved. */
export function normalizeFiles(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawPath, contents] of Object.entries(files)) {
    if (typeof contents !== "string") {
      throw new Error(`The contents of "${rawPath}" must be a string.`);
    }
    const path = normalizeFilePath(rawPath);
    if (path === "" || path.split("/").some((part) => part === ".." || part === "")) {
      throw new Error(`Invalid file path "${rawPath}": paths are relative to the functions folder.`);
    }
    if (path.startsWith("_deps/")) {
      throw new Error(
        `The path "${path}" is within the "_deps" directory, which is reserved for dependencies. Please move your code to another directory.`,
      );
    }
    out[path] = contents;
  }
  return out;
}
