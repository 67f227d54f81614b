/**
 * Loads the `convex` package's own codegen templates
 * (`convex/dist/esm/cli/codegen_templates/{api,server,dataModel}.js`).
 *
 * The package does not export them, and `dataModel.js` imports the CLI's
 * directory helpers (which pull in the whole CLI and its bundled-only
 * dependencies) for a function codegen never calls here. So the templates are
 * bundled once with esbuild, with that one helper module replaced by an empty
 * one, and imported from memory. The template code itself is used unchanged.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as esbuild from "esbuild";

export interface CodegenTemplates {
  apiCodegen(modulePaths: string[], opts?: { useTypeScript?: boolean }): { JS: string; DTS: string };
  serverCodegen(opts: { useTypeScript: boolean; envVars?: unknown[] }): { JS: string; DTS: string };
  dynamicDataModelDTS(): string;
  noSchemaDataModelDTS(): string;
  compareModulePaths(a: string, b: string): number;
}

const require = createRequire(import.meta.url);
/** The installed `convex` package's root folder. */
export const convexPackageDir = dirname(require.resolve("convex/package.json"));
const templatesDir = join(convexPackageDir, "dist", "esm", "cli", "codegen_templates");

const ENTRY = `
export { apiCodegen } from "./api.js";
export { serverCodegen } from "./server.js";
export { dynamicDataModelDTS, noSchemaDataModelDTS } from "./dataModel.js";
export { compareModulePaths } from "./common.js";
`;

let loaded: Promise<CodegenTemplates> | null = null;

export function loadCodegenTemplates(): Promise<CodegenTemplates> {
  loaded ??= bundleTemplates();
  return loaded;
}

async function bundleTemplates(): Promise<CodegenTemplates> {
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: templatesDir, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "skip-cli-directory-helpers",
        setup(build) {
          build.onResolve({ filter: /directoryStructure\.js$/ }, () => ({ path: "cli-helpers", namespace: "empty" }));
          build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
        },
      },
    ],
  });
  const code = result.outputFiles[0].text;
  const url = "data:text/javascript;base64," + Buffer.from(code).toString("base64");
  return (await import(/* @vite-ignore */ url)) as CodegenTemplates;
}
