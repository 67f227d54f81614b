/**
 * Collects the declaration files Monaco's TypeScript service needs to check playground code:
 * the `convex` package's own .d.ts files (esm-types, minus the CLI) and React's types.
 * Runs at build time (node:fs); the result is served as /playground-types.json.
 *
 * Keys are the virtual paths Monaco sees (`file:///node_modules/...`). Monaco's TypeScript
 * resolves bare specifiers the classic Node way, which ignores package.json "exports",
 * so each subpath (`convex/server`, ...) gets a tiny index.d.ts that re-exports the real one.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";

// Resolved from the project root: this module runs from Astro's build output, not from src/.
const require = createRequire(join(process.cwd(), "package.json"));
const CONVEX_SUBPATHS = ["server", "values", "react", "browser"];

function packageRoot(name: string): string {
  return join(require.resolve(`${name}/package.json`), "..");
}

function walkDts(dir: string, skip: (path: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (skip(full)) continue;
    if (statSync(full).isDirectory()) walkDts(full, skip, out);
    else if (entry.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

export function collectTypePack(): Record<string, string> {
  const pack: Record<string, string> = {};
  const convexRoot = packageRoot("convex");
  const esmTypes = join(convexRoot, "dist", "esm-types");
  for (const file of walkDts(esmTypes, (p) => p.includes(`${join(esmTypes, "cli")}`) || p.includes(`${join(esmTypes, "bundler")}`))) {
    pack[`file:///node_modules/convex/dist/esm-types/${relative(esmTypes, file).replace(/\\/g, "/")}`] = readFileSync(file, "utf8");
  }
  pack["file:///node_modules/convex/index.d.ts"] = `export * from "./dist/esm-types/index";\n`;
  for (const sub of CONVEX_SUBPATHS) {
    pack[`file:///node_modules/convex/${sub}/index.d.ts`] = `export * from "../dist/esm-types/${sub}/index";\n`;
  }
  // csstype's full declarations are ~1 MB; React only needs its Properties shape.
  pack["file:///node_modules/csstype/index.d.ts"] =
    "export interface Properties<TLength = (string & {}) | 0, TTime = string & {}> { [property: string]: string | number | undefined }\n";
  for (const name of ["@types/react", "@types/react-dom"]) {
    let root: string;
    try {
      root = packageRoot(name);
    } catch {
      continue;
    }
    for (const file of readdirSync(root)) {
      if (!file.endsWith(".d.ts")) continue;
      pack[`file:///node_modules/${name}/${file}`] = readFileSync(join(root, file), "utf8");
    }
  }
  return pack;
}
