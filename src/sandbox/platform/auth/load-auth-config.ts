/**
 * Evaluates a pushed `convex/auth.config.ts` (the CLI leaves it out of the
 * functions bundle, as it has two dots in its name) and returns its default
 * export as JSON. The file is bundled with the functions folder's resolver
 * and run in a small, fresh V8 isolate with only `process.env` set, so a
 * learner's config file reaches nothing of the host.
 */
import { dirname } from "node:path";
import * as esbuild from "esbuild";
import { virtualFilesPlugin } from "../../runtime/bundler/virtualFiles.js";
import { normalizeFiles } from "../../runtime/bundler/entryPoints.js";
import { convexPackageDir } from "../../runtime/codegen/templates.js";

const AUTH_CONFIG_FILES = ["auth.config.ts", "auth.config.js"];
const EVAL_TIMEOUT_MS = 1000;
const ISOLATE_MEMORY_MB = 16;

export function authConfigFile(files: Record<string, string>): string | null {
  return AUTH_CONFIG_FILES.find((f) => f in files) ?? null;
}

/** The default export of auth.config.ts as plain JSON, or null when the folder has none. */
export async function loadAuthConfig(input: Record<string, string>, env: Record<string, string>): Promise<unknown> {
  const files = normalizeFiles(input);
  const file = authConfigFile(files);
  if (file === null) return null;
  let code: string;
  try {
    const result = await esbuild.build({
      entryPoints: ["<entry>"],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "esnext",
      conditions: ["convex", "module"],
      logLevel: "silent",
      plugins: [
        virtualFilesPlugin({
          files,
          entryContents: `import config from "./${file}";\nglobalThis.__authConfigJson = JSON.stringify(config === undefined ? null : config);\n`,
          packageRoot: dirname(dirname(convexPackageDir)),
        }),
      ],
    });
    code = result.outputFiles[0].text;
  } catch (e) {
    const failure = e as esbuild.BuildFailure;
    const first = failure.errors?.[0];
    const where = first?.location ? `${file}:${first.location.line}:${first.location.column + 1}: ` : `${file}: `;
    throw new Error(`${where}${first?.text ?? (e as Error).message}`);
  }
  const json = await evaluateInIsolate(code, env, file);
  return JSON.parse(json);
}

async function evaluateInIsolate(code: string, env: Record<string, string>, file: string): Promise<string> {
  const ivm = (await import("isolated-vm")).default;
  const isolate = new ivm.Isolate({ memoryLimit: ISOLATE_MEMORY_MB });
  try {
    const context = await isolate.createContext();
    await context.eval(`globalThis.process = { env: ${JSON.stringify(env)} };`);
    await context.eval(code, { timeout: EVAL_TIMEOUT_MS });
    const json = await context.eval("globalThis.__authConfigJson", { timeout: EVAL_TIMEOUT_MS, copy: true });
    if (typeof json !== "string") throw new Error("its default export is not JSON-serializable");
    return json;
  } catch (e) {
    throw new Error(`Evaluating ${file} failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    isolate.dispose();
  }
}
