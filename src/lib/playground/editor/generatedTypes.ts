/**
 * `_generated/{api,server,dataModel}.d.ts` for the learner's current files, in the browser.
 * `api.d.ts` comes from the `convex` package's own template (it only needs the module list);
 * the other two do not depend on the files and arrive prebuilt in the editor pack.
 */
// The package ships its codegen templates as plain ESM without declarations, and does not
// export them, so they are imported by file (api.js only needs common.js and a string).
// @ts-expect-error -- no declaration file
import { apiCodegen as untypedApiCodegen } from "../../../../node_modules/convex/dist/esm/cli/codegen_templates/api.js";
// @ts-expect-error -- no declaration file
import { compareModulePaths as untypedCompare } from "../../../../node_modules/convex/dist/esm/cli/codegen_templates/common.js";
import { functionModuleFiles, normalizeFiles, schemaFile } from "../../../sandbox/runtime/bundler/entryPoints";
import type { EditorPack } from "./editorPack";

const apiCodegen = untypedApiCodegen as (modulePaths: string[], opts: { useTypeScript: boolean }) => { DTS: string };
const compareModulePaths = untypedCompare as (a: string, b: string) => number;

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
