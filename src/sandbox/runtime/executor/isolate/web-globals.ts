/**
 * Builds (once per process) the script of web platform globals that each
 * isolate context evaluates before the Convex environment prelude: the
 * polyfill packages named in web-globals.entry.js, bundled with esbuild.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

let cached: Promise<string> | null = null;

export function webGlobalsScript(): Promise<string> {
  cached ??= build({
    entryPoints: [fileURLToPath(new URL("./web-globals.entry.js", import.meta.url))],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  }).then((result) => result.outputFiles[0].text);
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
