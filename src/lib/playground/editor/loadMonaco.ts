/**
 * Loads Monaco once per page, on demand: the editor, its TypeScript worker, the packed
 * declarations (convex + React) and the site's themes. Nothing here is downloaded until a
 * playground nears the viewport.
 */
import type * as MonacoApi from "monaco-editor";
import type { EditorPack } from "./editorPack";

export type Monaco = typeof MonacoApi;

export interface MonacoSetup {
  monaco: Monaco;
  pack: EditorPack;
}

let loading: Promise<MonacoSetup> | null = null;

export const LIGHT_THEME = "convex-playground-light";
export const DARK_THEME = "convex-playground-dark";

export function currentTheme(): string {
  return document.documentElement.dataset.theme === "dark" ? DARK_THEME : LIGHT_THEME;
}

export function loadMonaco(): Promise<MonacoSetup> {
  loading ??= load();
  return loading;
}

/**
 * Monaco's ESM modules import their CSS one file at a time, and the site build keeps only
 * CSS reachable from pages, so the editor's stylesheet (the same rules, in one file, with
 * its icon font rewritten by the bundler) is added when the editor loads.
 */
async function installEditorCss(): Promise<void> {
  if (document.querySelector("style[data-monaco-css]")) return;
  const { default: css } = await import("monaco-editor/min/vs/editor/editor.main.css?inline");
  const style = document.createElement("style");
  style.dataset.monacoCss = "";
  style.textContent = css;
  document.head.appendChild(style);
}

async function load(): Promise<MonacoSetup> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  const [monaco, , { default: EditorWorker }, { default: TsWorker }, { default: JsonWorker }, pack] = await Promise.all([
    import("monaco-editor"),
    installEditorCss(),
    import("monaco-editor/esm/vs/editor/editor.worker?worker"),
    import("monaco-editor/esm/vs/language/typescript/ts.worker?worker"),
    import("monaco-editor/esm/vs/language/json/json.worker?worker"),
    fetch(`${base}playground-editor.json`).then((response) => {
      if (!response.ok) throw new Error(`Could not load the editor's type declarations (HTTP ${response.status}).`);
      return response.json() as Promise<EditorPack>;
    }),
  ]);
  (self as any).MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      if (label === "typescript" || label === "javascript") return new TsWorker();
      if (label === "json") return new JsonWorker();
      return new EditorWorker();
    },
  };

  const ts = monaco.languages.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: "react",
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    allowNonTsExtensions: true,
    isolatedModules: true,
    noEmit: true,
    lib: ["es2021", "dom", "dom.iterable"],
  });
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  ts.typescriptDefaults.setEagerModelSync(true);
  ts.typescriptDefaults.setExtraLibs(Object.entries(pack.types).map(([filePath, content]) => ({ filePath, content })));

  monaco.editor.defineTheme(LIGHT_THEME, pack.themes.light as MonacoApi.editor.IStandaloneThemeData);
  monaco.editor.defineTheme(DARK_THEME, pack.themes.dark as MonacoApi.editor.IStandaloneThemeData);
  // Follow the site's light/dark switch (Starlight sets <html data-theme>).
  new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme"],
  });
  return { monaco, pack };
}
