/**
 * Compiles the learner's `src/**` files for the live preview, in the browser, with
 * esbuild-wasm: each file is transformed (TypeScript + JSX) to a CommonJS-style module
 * that the preview runtime links with `require`.
 */
import type * as Esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";

let ready: Promise<typeof Esbuild> | null = null;

function esbuild(): Promise<typeof Esbuild> {
  ready ??= import("esbuild-wasm").then(async (mod) => {
    const api = ((mod as any).initialize ? mod : (mod as any).default) as typeof Esbuild;
    await api.initialize({ wasmURL, worker: true });
    return api;
  });
  return ready;
}

export type CompileResult = { ok: true; modules: Record<string, string> } | { ok: false; message: string };

export async function compileApp(files: Record<string, string>): Promise<CompileResult> {
  const api = await esbuild();
  const modules: Record<string, string> = {};
  for (const [path, source] of Object.entries(files)) {
    if (!path.startsWith("src/") || !/\.(tsx?|jsx?)$/.test(path)) continue;
    try {
      const out = await api.transform(source, {
        loader: path.endsWith("x") ? (path.endsWith(".tsx") ? "tsx" : "jsx") : path.endsWith(".ts") ? "ts" : "js",
        format: "cjs",
        jsx: "automatic",
        target: "es2020",
        sourcefile: path,
      });
      modules[path] = out.code;
    } catch (error) {
      const failure = error as Esbuild.TransformFailure;
      const message = failure.errors?.length
        ? failure.errors.map((e) => `${path}:${e.location?.line ?? 1}:${(e.location?.column ?? 0) + 1}: ${e.text}`).join("\n")
        : String(error);
      return { ok: false, message };
    }
  }
  return { ok: true, modules };
}
