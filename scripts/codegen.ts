/**
 * Writes convex/_generated/ exactly as `npx convex codegen` does for a project without
 * components, using the code generation templates shipped in the `convex` package and the
 * same Prettier formatting. The real command needs a configured deployment; this one works
 * offline, so the top-level convex/ project can be regenerated and checked anywhere.
 *
 *   npx tsx scripts/codegen.ts           regenerate convex/_generated/
 *   npx tsx scripts/codegen.ts --check   exit 1 if convex/_generated/ is out of date
 *   npx tsx scripts/codegen.ts --dir <functions folder>
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import prettier from "prettier";
import { build } from "esbuild";

const templatesDir = path.join(
  path.dirname(fileURLToPath(import.meta.resolve("convex/package.json"))),
  "dist/esm/cli/codegen_templates",
);

/**
 * The CLI's templates, loaded from the `convex` package. dataModel.js also imports the CLI's
 * component-directory helpers (which pull in terminal UI packages that only the bundled CLI
 * ships); they serve static codegen only, so that one import is replaced by a stub that throws.
 */
let templates: Promise<Record<string, any>> | undefined;
function loadTemplates(): Promise<Record<string, any>> {
  templates ??= (async () => {
    const entry = ["api", "common", "dataModel", "server", "tsconfig"]
      .map((name) => `export * from ${JSON.stringify(path.join(templatesDir, `${name}.js`))};`)
      .join("\n");
    const result = await build({
      stdin: { contents: entry, resolveDir: templatesDir, loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      logLevel: "silent",
      plugins: [
        {
          name: "stub-component-helpers",
          setup(pluginBuild) {
            pluginBuild.onResolve({ filter: /components\/definition\/directoryStructure\.js$/ }, () => ({
              path: "directoryStructure",
              namespace: "stub",
            }));
            pluginBuild.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
              contents:
                'export function toComponentDefinitionPath() { throw new Error("static (component) codegen is not supported here"); }',
            }));
          },
        },
      ],
    });
    const code = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  })();
  return templates;
}

async function template<T>(_name: string): Promise<T> {
  return (await loadTemplates()) as T;
}

const ENTRY_POINT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];

/** The function modules of a Convex folder, chosen by the same rules as the CLI's bundler. */
export function entryPoints(functionsDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, dirent.name);
      const rel = path.relative(functionsDir, full);
      if (dirent.isDirectory()) {
        if (existsSync(path.join(full, "convex.config.ts"))) continue; // a nested component
        walk(full);
        continue;
      }
      if (!dirent.isFile()) continue;
      const base = dirent.name;
      if (!ENTRY_POINT_EXTENSIONS.some((ext) => rel.endsWith(ext))) continue;
      if (rel.startsWith(`_generated${path.sep}`)) continue;
      if (base.startsWith(".") || base.startsWith("#")) continue;
      if (base === "schema.ts" || base === "schema.js") continue;
      if ((base.match(/\./g) ?? []).length > 1) continue; // auth.config.ts, *.test.ts
      if (rel.includes(" ")) continue;
      if ((base.endsWith(".ts") || base.endsWith(".tsx")) && !/^\s{0,100}(import|export)/m.test(readFileSync(full, "utf8"))) {
        continue;
      }
      found.push(full);
    }
  };
  walk(functionsDir);
  return found;
}

/** File name → formatted contents of every file `npx convex codegen` writes to _generated/. */
export async function generate(functionsDir: string): Promise<Map<string, string>> {
  const { apiCodegen } = await template<{ apiCodegen(paths: string[], opts: { useTypeScript: boolean }): { JS?: string; DTS?: string } }>("api");
  const { compareModulePaths } = await template<{ compareModulePaths(a: string, b: string): number }>("common");
  const dataModel = await template<{ dynamicDataModelDTS(): string; noSchemaDataModelDTS(): string }>("dataModel");
  const { serverCodegen } = await template<{ serverCodegen(opts: { useTypeScript: boolean; envVars?: unknown }): { JS?: string; DTS?: string } }>("server");

  const hasSchema = ["schema.ts", "schema.js"].some((name) => existsSync(path.join(functionsDir, name)));
  const modulePaths = entryPoints(functionsDir)
    .map((file) => path.relative(functionsDir, file))
    .sort(compareModulePaths);
  const server = serverCodegen({ useTypeScript: false, envVars: undefined });
  const api = apiCodegen(modulePaths, { useTypeScript: false });

  const format = (source: string) => prettier.format(source, { parser: "typescript" });
  return new Map([
    ["dataModel.d.ts", await format(hasSchema ? dataModel.dynamicDataModelDTS() : dataModel.noSchemaDataModelDTS())],
    ["server.js", await format(server.JS!)],
    ["server.d.ts", await format(server.DTS!)],
    ["api.js", await format(api.JS!)],
    ["api.d.ts", await format(api.DTS!)],
  ]);
}

/** tsconfig.json as `npx convex dev` first writes it into a new functions folder. */
export async function tsconfig(): Promise<string> {
  const { tsconfigCodegen } = await template<{ tsconfigCodegen(): string }>("tsconfig");
  return prettier.format(tsconfigCodegen(), { parser: "json" });
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const dirFlag = args.indexOf("--dir");
  const functionsDir = path.resolve(dirFlag === -1 ? "convex" : args[dirFlag + 1] ?? "");
  if (!existsSync(functionsDir)) throw new Error(`No Convex functions folder at ${functionsDir}`);
  const codegenDir = path.join(functionsDir, "_generated");
  const files = await generate(functionsDir);
  const tsconfigPath = path.join(functionsDir, "tsconfig.json");

  if (check) {
    const stale = [...files]
      .filter(([name, contents]) => {
        const file = path.join(codegenDir, name);
        return !existsSync(file) || readFileSync(file, "utf8") !== contents;
      })
      .map(([name]) => name);
    const extra = existsSync(codegenDir) ? readdirSync(codegenDir).filter((name) => !files.has(name)) : [];
    if (stale.length || extra.length) {
      console.error(
        `convex/_generated is out of date (${[...stale, ...extra.map((name) => `${name} (stale)`)].join(", ")}). Run: npx tsx scripts/codegen.ts`,
      );
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), codegenDir)} is up to date.`);
    return;
  }

  mkdirSync(codegenDir, { recursive: true });
  for (const name of readdirSync(codegenDir)) {
    if (!files.has(name)) rmSync(path.join(codegenDir, name), { recursive: true });
  }
  for (const [name, contents] of files) writeFileSync(path.join(codegenDir, name), contents);
  if (!existsSync(tsconfigPath)) writeFileSync(tsconfigPath, await tsconfig());
  console.log(`Wrote ${[...files.keys()].join(", ")} to ${path.relative(process.cwd(), codegenDir)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
