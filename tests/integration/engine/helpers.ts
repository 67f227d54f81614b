/** Shared set-up for the engine suite: deploy a functions folder from disk in process. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDeployment, readFunctionsFolder, type SandboxDeploymentOptions } from "../../../src/sandbox/index.ts";

export { readFunctionsFolder } from "../../../src/sandbox/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const ENGINE_APP_DIR = join(root, "tests/fixtures/engine-app");
export const CONVEX_DIR = join(root, "convex");

export function deployEngineApp(options: SandboxDeploymentOptions = {}) {
  return createDeployment({ files: readFunctionsFolder(ENGINE_APP_DIR), ...options });
}
