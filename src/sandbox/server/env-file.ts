/**
 * Environment variables from the command line: `--env NAME=value` and
 * `--env-file <path>`, a `.env`-style file read exactly as
 * `npx convex env set --from-file` reads it: with `dotenv.parse`, the version
 * the `convex` CLI bundles (`convex/dist/esm/cli/lib/env.js`). So, as there:
 *
 *   # comment
 *   NAME=value                 unquoted: trimmed, `#…` starts a comment
 *   export NAME=value          `export ` is ignored
 *   NAME="a\nb"                double quotes: only \n and \r are expanded; may span lines
 *   NAME='literal'             single quotes (or backticks): taken as written; may span lines
 *
 * and a line that is no assignment is skipped. Names and values are checked
 * later with Convex's rules (the deployment refuses bad ones, e.g. `my-key`).
 */
import { readFileSync } from "node:fs";
import { parse } from "dotenv";

/** `NAME=value` → [NAME, value]; throws on text without `=`. */
export function parseAssignment(text: string): [string, string] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new Error(`Expected NAME=value, got "${text}"`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1)];
}

/** The variables a `.env`-style text sets (a repeated name keeps its last value). */
export function parseEnvFile(text: string): Record<string, string> {
  return parse(text);
}

/** The variables of the `.env`-style file at `path`; throws a clear error when it cannot be read. */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === "ENOENT" ? `file not found: ${path}` : `cannot read ${path}: ${err.message}`);
  }
  return parseEnvFile(text);
}
