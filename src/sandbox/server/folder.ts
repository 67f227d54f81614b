/** Reading a Convex functions folder from disk, and watching it for changes. */
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import { join, relative, sep } from "node:path";

const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const SKIPPED_DIRS = new Set(["_generated", "node_modules", ".git"]);

/** Every source file under `dir` (paths relative to it, `/`-separated), without `_generated/`. */
export function readFunctionsFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(full);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files[relative(dir, full).split(sep).join("/")] = readFileSync(full, "utf8");
      }
    }
  };
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  walk(dir);
  return files;
}

/** Calls `onChange` (debounced) when a source file under `dir` changes. */
export function watchFunctionsFolder(dir: string, onChange: () => void, debounceMs = 150): FSWatcher {
  let timer: NodeJS.Timeout | null = null;
  return watch(dir, { recursive: true }, (_event, filename) => {
    const name = filename?.toString() ?? "";
    if (name.split(/[\\/]/).some((part) => SKIPPED_DIRS.has(part))) return;
    if (name && !SOURCE.test(name)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
}
