/**
 * Reads a functions folder from disk into the `files` map a push takes:
 * script and JSON files keyed by their path relative to the folder, with `/`
 * separators. Skips `node_modules`, dot-folders and `_generated` (always
 * regenerated on push).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/;

export function readFunctionsFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (folder === dir && entry.name === "_generated") continue;
        walk(path);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files[relative(dir, path).split(sep).join("/")] = readFileSync(path, "utf8");
      }
    }
  };
  walk(dir);
  return files;
}
