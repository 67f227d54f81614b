/** Small helpers about playground file paths, shared by the server render and the browser. */

/** Shiki language id for a file path. */
export function shikiLanguage(path: string): string {
  if (path.endsWith(".tsx")) return "tsx";
  if (path.endsWith(".ts")) return "ts";
  if (path.endsWith(".jsx")) return "jsx";
  if (path.endsWith(".js") || path.endsWith(".mjs")) return "js";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".css")) return "css";
  if (path.endsWith(".md")) return "md";
  return "txt";
}

/** Monaco language id for a file path. */
export function monacoLanguage(path: string): string {
  if (/\.(tsx?|mts|cts)$/.test(path)) return "typescript";
  if (/\.(jsx?|mjs|cjs)$/.test(path)) return "javascript";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".css")) return "css";
  if (path.endsWith(".md")) return "markdown";
  return "plaintext";
}

/** Files in display order: convex/schema.ts first, then convex/**, then src/**, then the rest. */
export function sortPaths(paths: string[]): string[] {
  const rank = (p: string) => (p === "convex/schema.ts" ? 0 : p.startsWith("convex/") ? 1 : p.startsWith("src/") ? 2 : 3);
  return [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The files pushed to the sandbox: those under convex/, keyed relative to it, without _generated. */
export function convexFiles(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith("convex/") || path.startsWith("convex/_generated/")) continue;
    out[path.slice("convex/".length)] = text;
  }
  return out;
}
