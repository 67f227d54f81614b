/**
 * Monaco over the playground's files: one model per file, TypeScript checking against the
 * convex package's declarations and `_generated` types regenerated from the learner's files,
 * push errors shown as markers. Monaco itself is loaded on mount (see loadMonaco).
 */
import { useEffect, useRef, useState } from "react";
import type * as MonacoApi from "monaco-editor";
import { currentTheme, loadMonaco, type MonacoSetup } from "../../lib/playground/editor/loadMonaco";
import { generatedTypes } from "../../lib/playground/editor/generatedTypes";
import { convexFiles, monacoLanguage } from "../../lib/playground/files";
import type { FileMap } from "../../lib/playground/types";
import type { PushError } from "../../lib/playground/sandbox/sandboxApi";

interface Props {
  /** Distinguishes this playground's models from other playgrounds on the page. */
  instanceKey: string;
  files: FileMap;
  active: string;
  pushErrors: PushError[];
  onChange(path: string, text: string): void;
  onSave(): void;
  onReady(): void;
  onLoadError(message: string): void;
}

const GENERATED_OWNER = "sandbox-push";

export default function CodeEditor({ instanceKey, files, active, pushErrors, onChange, onSave, onReady, onLoadError }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const setupRef = useRef<MonacoSetup | null>(null);
  const editorRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | null>(null);
  const modelsRef = useRef(new Map<string, MonacoApi.editor.ITextModel>());
  const viewStates = useRef(new Map<string, MonacoApi.editor.ICodeEditorViewState | null>());
  const [ready, setReady] = useState(false);
  const callbacks = useRef({ onChange, onSave });
  callbacks.current = { onChange, onSave };
  const uriFor = (path: string) => `file:///${instanceKey}/${path}`;

  // Load Monaco and create the editor once.
  useEffect(() => {
    let disposed = false;
    loadMonaco().then(
      (setup) => {
        if (disposed || !hostRef.current) return;
        setupRef.current = setup;
        const editor = setup.monaco.editor.create(hostRef.current, {
          model: null,
          theme: currentTheme(),
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          tabSize: 2,
          ariaLabel: "Code editor. Press Control+M, then Tab, to move focus out of the editor.",
          fixedOverflowWidgets: true,
        });
        editor.addCommand(setup.monaco.KeyMod.CtrlCmd | setup.monaco.KeyCode.KeyS, () => callbacks.current.onSave());
        editorRef.current = editor;
        syncModels(setup);
        showActive();
        setReady(true);
        onReady();
      },
      (error: Error) => onLoadError(error.message),
    );
    return () => {
      disposed = true;
      editorRef.current?.dispose();
      editorRef.current = null;
      for (const model of modelsRef.current.values()) model.dispose();
      modelsRef.current.clear();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function syncModels(setup: MonacoSetup) {
    const { monaco } = setup;
    const models = modelsRef.current;
    const wanted: FileMap = { ...files };
    for (const [path, text] of Object.entries(generatedTypes(convexFiles(files), setup.pack.generated))) {
      wanted[`convex/${path}`] = text;
    }
    for (const [path, text] of Object.entries(wanted)) {
      let model = models.get(path);
      if (!model) {
        model = monaco.editor.createModel(text, monacoLanguage(path), monaco.Uri.parse(uriFor(path)));
        if (!path.includes("/_generated/")) {
          const m = model;
          model.onDidChangeContent(() => callbacks.current.onChange(path, m.getValue()));
        }
        models.set(path, model);
      } else if (model.getValue() !== text) {
        // A reset, the solution or a share link replaced the file: keep undo history.
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      }
    }
    for (const [path, model] of models) {
      if (!(path in wanted)) {
        model.dispose();
        models.delete(path);
      }
    }
  }

  function showActive() {
    const editor = editorRef.current;
    const model = modelsRef.current.get(active);
    if (!editor || !model || editor.getModel() === model) return;
    const previous = editor.getModel();
    if (previous) {
      const previousPath = [...modelsRef.current].find(([, m]) => m === previous)?.[0];
      if (previousPath) viewStates.current.set(previousPath, editor.saveViewState());
    }
    editor.setModel(model);
    const state = viewStates.current.get(active);
    if (state) editor.restoreViewState(state);
  }

  useEffect(() => {
    if (setupRef.current) syncModels(setupRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files]);

  useEffect(() => {
    if (setupRef.current) showActive();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  // Push errors from the sandbox, as markers at file:line:column.
  useEffect(() => {
    const setup = setupRef.current;
    if (!setup) return;
    for (const [path, model] of modelsRef.current) {
      const markers = pushErrors
        .filter((error) => error.file === path)
        .map((error) => ({
          severity: setup.monaco.MarkerSeverity.Error,
          message: error.message,
          startLineNumber: Math.max(1, error.line ?? 1),
          startColumn: Math.max(1, error.column ?? 1),
          endLineNumber: Math.max(1, error.line ?? 1),
          endColumn: model.getLineMaxColumn(Math.min(model.getLineCount(), Math.max(1, error.line ?? 1))),
          source: "sandbox push",
        }));
      setup.monaco.editor.setModelMarkers(model, GENERATED_OWNER, markers);
    }
  }, [pushErrors, ready]);

  return <div className="cp-monaco" ref={hostRef} data-testid="playground-editor" />;
}
