/**
 * `_generated/` for a functions folder, as `npx convex codegen` writes it for a
 * JavaScript-codegen project: `api.js` + `api.d.ts`, `server.js` +
 * `server.d.ts`, `dataModel.d.ts`. The text comes from the `convex`
 * package's own templates (see templates.ts); only the inputs are computed
 * here (the module list, whether a schema exists).
 */
import { functionModuleFiles, normalizeFiles, schemaFile } from "../bundler/entryPoints.ts";
import { loadCodegenTemplates } from "./templates.ts";

export { loadCodegenTemplates } from "./templates.ts";

/** Every `_generated/*` file (JavaScript and declarations), keyed `_generated/<name>`. */
export async function generateCode(files: Record<string, string>): Promise<Record<string, string>> {
  const normalized = normalizeFiles(files);
  const templates = await loadCodegenTemplates();
  const modulePaths = functionModuleFiles(normalized).sort(templates.compareModulePaths);
  const api = templates.apiCodegen(modulePaths, { useTypeScript: false });
  const server = templates.serverCodegen({ useTypeScript: false });
  const dataModel = schemaFile(normalized) ? templates.dynamicDataModelDTS() : templates.noSchemaDataModelDTS();
  return {
    "_generated/api.js": api.JS,
    "_generated/api.d.ts": api.DTS,
    "_generated/server.js": server.JS,
    "_generated/server.d.ts": server.DTS,
    "_generated/dataModel.d.ts": dataModel,
  };
}

/** Only the declaration files, for type checking the sources in an editor. */
export async function generateTypes(files: Record<string, string>): Promise<Record<string, string>> {
  const all = await generateCode(files);
  return Object.fromEntries(Object.entries(all).filter(([path]) => path.endsWith(".d.ts")));
}
