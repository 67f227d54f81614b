/**
 * Everything the browser editor fetches once, packed at build time into /playground-editor.json:
 * declaration files for TypeScript checking, the site's Shiki themes translated for Monaco,
 * and the `_generated/*.d.ts` texts that do not depend on the learner's files, from the
 * `convex` package's own codegen templates (`api.d.ts`, which lists the modules, is
 * regenerated in the browser by the same template as the learner types).
 */
import { bundledThemes } from "shiki";
import { shikiThemes } from "../../themes";
import { collectTypePack } from "./typePack";
import { monacoThemeFromShiki, type MonacoThemeData, type ShikiThemeJson } from "./monacoTheme";
import { loadCodegenTemplates } from "../../../sandbox/runtime/codegen/templates";

export interface EditorPack {
  /** Virtual path (`file:///node_modules/...`) → declaration text. */
  types: Record<string, string>;
  themes: { light: MonacoThemeData; dark: MonacoThemeData };
  generated: { serverDts: string; dataModelDts: string; noSchemaDataModelDts: string };
}

async function loadTheme(name: string): Promise<MonacoThemeData> {
  const loader = (bundledThemes as Record<string, () => Promise<{ default: ShikiThemeJson }>>)[name];
  if (!loader) throw new Error(`Unknown Shiki theme "${name}" in src/lib/themes.ts`);
  return monacoThemeFromShiki((await loader()).default);
}

async function staticGeneratedTypes(): Promise<EditorPack["generated"]> {
  const templates = await loadCodegenTemplates();
  return {
    serverDts: templates.serverCodegen({ useTypeScript: false }).DTS,
    dataModelDts: templates.dynamicDataModelDTS(),
    noSchemaDataModelDts: templates.noSchemaDataModelDTS(),
  };
}

export async function buildEditorPack(): Promise<EditorPack> {
  return {
    types: collectTypePack(),
    themes: { light: await loadTheme(shikiThemes.light), dark: await loadTheme(shikiThemes.dark) },
    generated: await staticGeneratedTypes(),
  };
}
