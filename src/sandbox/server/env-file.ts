/**
 * Environment variables from the command line: `--env NAME=value` and
 * `--env-file <path>`, a `.env`-style file like the one
 * `npx convex env set --from-file` reads:
 *
 *   # comment
 *   NAME=value                 unquoted: trimmed, ` #…` starts a comment
 *   export NAME=value          `export ` is ignored
 *   NAME="a\nb"                double quotes: \n, \r, \t, \" and \\ escapes; may span lines
 *   NAME='literal'             single quotes: taken as written; may span lines
 *
 * Names are checked later with Convex's rules (the deployment refuses bad ones).
 */

/** `NAME=value` → [NAME, value]; throws on text without `=`. */
export function parseAssignment(text: string): [string, string] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new Error(`Expected NAME=value, got "${text}"`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1)];
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/** The variables a `.env`-style file sets, in file order (a repeated name keeps its last value). */
export function parseEnvFile(text: string, source = "env file"): Record<string, string> {
  const vars: Record<string, string> = {};
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1;
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const assignment = line.replace(/^export\s+/, "");
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new Error(`${source}:${lineNumber}: expected NAME=value, got "${line}"`);
    const name = assignment.slice(0, eq).trim();
    let rest = assignment.slice(eq + 1).trimStart();
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
      vars[name] = rest.replace(/\s+#.*$/, "").trim();
      continue;
    }
    // A quoted value ends at the next unescaped matching quote, perhaps on a later line.
    let value = "";
    let closed = false;
    rest = rest.slice(1);
    for (;;) {
      for (let j = 0; j < rest.length; j++) {
        const c = rest[j];
        if (quote === '"' && c === "\\" && j + 1 < rest.length) {
          const next = rest[++j];
          value += ESCAPES[next] ?? "\\" + next;
        } else if (c === quote) {
          closed = true;
          const after = rest.slice(j + 1).trim();
          if (after !== "" && !after.startsWith("#")) {
            throw new Error(`${source}:${lineNumber}: unexpected text after the closing quote of ${name}`);
          }
          break;
        } else {
          value += c;
        }
      }
      if (closed || i + 1 >= lines.length) break;
      value += "\n";
      rest = lines[++i];
    }
    if (!closed) throw new Error(`${source}:${lineNumber}: the quoted value of ${name} is never closed`);
    vars[name] = value;
  }
  return vars;
}
