/**
 * Function paths as Convex spells them: `dir/file:fn`; `dir/file` alone means
 * the default export; a `.js` (or other script) extension on the module is
 * ignored, as the client strips it (`convex/src/browser/sync/udf_path_utils.ts`).
 */
export interface ParsedPath {
  module: string;
  name: string;
  /** `module:name`, the form used in errors and metadata. */
  canonical: string;
  /** `module.js:name`, the form the backend uses in type-check and size errors. */
  canonicalJs: string;
}

export function parseFunctionPath(path: string): ParsedPath {
  const trimmed = path.trim();
  const colon = trimmed.lastIndexOf(":");
  let module = colon === -1 ? trimmed : trimmed.slice(0, colon);
  const name = colon === -1 ? "default" : trimmed.slice(colon + 1) || "default";
  module = module.replace(/\.(js|mjs|cjs|ts|tsx|mts|cts|jsx)$/, "").replace(/^\/+/, "");
  return { module, name, canonical: `${module}:${name}`, canonicalJs: `${module}.js:${name}` };
}
