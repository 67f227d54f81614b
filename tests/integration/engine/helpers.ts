/** Shared set-up for the engine suite: read a functions folder from disk and deploy it in process. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDeployment, type SandboxDeploymentOptions } from "../../../src/sandbox/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const ENGINE_APP_DIR = join(root, "tests/fixtures/engine-app");
export const CONVEX_DIR = join(root, "convex");

/** Every file of a functions folder, keyed by its path relative to the folder. */
export function readFunctionsFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|jsx|mjs)$/.test(name)) files[relative(dir, path).split("\\").join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

export function deployEngineApp(options: SandboxDeploymentOptions = {}) {
  return createDeployment({ files: readFunctionsFolder(ENGINE_APP_DIR), ...options });
}
