/** The functions folder of a playground's files: `convex/x.ts` → `x.ts`; other files (the preview app) are left out. */
export function functionsFolder(files: Record<string, string>): Record<string, string> {
  const folder: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (path.startsWith("convex/")) folder[path.slice("convex/".length)] = text;
  }
  return folder;
}
