/** Builds the preview runtime (runtimeEntry.ts) into one minified classic script, at build time. */
import * as esbuild from "esbuild";
import { join } from "node:path";

export async function buildPreviewRuntime(): Promise<string> {
  const result = await esbuild.build({
    // Resolved from the project root: this module runs from Astro's build output, not from src/.
    entryPoints: [join(process.cwd(), "src/lib/playground/preview/runtimeEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    minify: true,
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
