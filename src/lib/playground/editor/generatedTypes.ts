/**
 * `_generated/{api,server,dataModel}.d.ts` for the learner's current files, in the browser.
 * `api.d.ts` comes from the `convex` package's own template (it only needs the module list);
 * the other two do not depend on the files and arrive prebuilt in the editor pack.
 */
import { apiCodegen } from "../../../../node_modules/convex/dist/esm/cli/codegen_templates/api.js";
import { compareModulePaths } from "../../../../node_modules/convex/dist/esm/cli/codegen_templates/common.js";
import { functionModuleFiles, normalizeFiles, schemaFile } from "../../../sandbox/runtime/bundler/entryPoints";
import type { EditorPack } from "./editorPack";

/** Files relative to the functions folder (`tasks.ts`, `schema.ts`) → `_generated/*.d.ts` texts. */
export function generatedTypes(convexFolder: Record<string, string>, pack: EditorPack["generated"]): Record<string, string> {
  const normalized = normalizeFiles(convexFolder);
  const modulePaths = functionModuleFiles(normalized).sort(compareModulePaths);
  return {
    "_generated/api.d.ts": apiCodegen(modulePaths, { useTypeScript: false }).DTS,
    "_generated/server.d.ts": pack.serverDts,
    "_generated/dataModel.d.ts": schemaFile(normalized) ? pack.dataModelDts : pack.noSchemaDataModelDts,
  };
}
