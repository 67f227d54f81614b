/**
 * The playground's React island. Server-rendered around the static, Shiki-highlighted
 * starter code (its children) so the first paint already has the final layout; hydrated
 * when the playground nears the viewport, which starts loading Monaco. The sandbox is
 * created (or the remembered one reused) on the learner's first interaction.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { PlaygroundDefinition, FileMap } from "../../lib/playground/types";
import { sortPaths } from "../../lib/playground/files";
import { filesFromHash, shareHash } from "../../lib/playground/state/share";
import { loadDraft, saveDraft } from "../../lib/playground/state/drafts";
import { lessonSlugFromPath, markLessonPassed } from "../../lib/playground/state/progress";
import { runFunction, type RunOutcome } from "../../lib/playground/runner/runFunction";
import type { FunctionInfo } from "../../lib/playground/sandbox/sandboxApi";
import type { Caller } from "../../lib/playground/sandbox/identity";
import { useSandbox } from "./useSandbox";
import RunPanel from "./RunPanel";
import ChecksPanel, { type ChecksState } from "./ChecksPanel";
import ServerNotice from "./ServerNotice";
import { moveTabFocus } from "./tabKeys";

const CodeEditor = lazy(() => import("./CodeEditor"));
const DataPanel = lazy(() => import("./DataPanel"));
const PreviewPanel = lazy(() => import("./PreviewPanel"));

interface Props {
  definition: PlaygroundDefinition;
  layout: "lesson" | "page";
  children?: ReactNode;
}

type PanelName = "run" | "data" | "preview" | "checks";

let instanceCounter = 0;

export default function PlaygroundIsland({ definition, children }: Props) {
  const { id, config, starter, solution, hasChecks } = definition;
  const instanceKey = useMemo(() => `${id}-${++instanceCounter}`, [id]);
  const [files, setFiles] = useState<FileMap>(starter);
  const [active, setActive] = useState(config.open);
  const [editorState, setEditorState] = useState<"static" | "loading" | "ready" | "failed">("static");
  const [editorError, setEditorError] = useState<string | null>(null);
  const [panel, setPanel] = useState<PanelName>("run");
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [checks, setChecks] = useState<ChecksState>({ kind: "idle" });
  const [shareStatus, setShareStatus] = useState<string | null>(null);
  const [caller, setCaller] = useState<Caller | null>(null);
  const [runs, setRuns] = useState(0);
  const sandbox = useSandbox(id);
  const staticRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const filesRef = useRef(files);
  filesRef.current = files;
  const paths = sortPaths(Object.keys(files));
  const hasPreview = config.preview === true || "src/App.tsx" in files;

  // Restore: a share link for this playground wins over a saved draft.
  useEffect(() => {
    const shared = filesFromHash(location.hash, id);
    const restored = shared ?? loadDraft(id);
    if (restored) setFiles(restored);
    setEditorState("loading");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Keep the draft; forget it when the files are back to the starter.
  const firstSave = useRef(true);
  useEffect(() => {
    if (firstSave.current) {
      firstSave.current = false;
      return;
    }
    const same = JSON.stringify(files) === JSON.stringify(starter);
    saveDraft(id, same ? null : files);
  }, [files, id, starter]);

  // Before the editor arrives, the file tabs switch between the static renders.
  useEffect(() => {
    staticRef.current?.querySelectorAll<HTMLElement>("[data-static-file]").forEach((el) => {
      el.hidden = el.dataset.staticFile !== active;
    });
  }, [active]);

  // First use: a remembered sandbox is pushed to at once; a new one on the first interaction.
  const started = useRef(false);
  const startSandbox = useCallback(() => {
    if (started.current) return;
    started.current = true;
    void sandbox.push(filesRef.current);
  }, [sandbox]);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    if (localStorage.getItem(`convex-playground:sandbox:${sandbox.serverUrl}:${id}`)) startSandbox();
    root.addEventListener("focusin", startSandbox, { once: true });
    root.addEventListener("pointerdown", startSandbox, { once: true });
    return () => {
      root.removeEventListener("focusin", startSandbox);
      root.removeEventListener("pointerdown", startSandbox);
    };
  }, [startSandbox, id, sandbox.serverUrl]);

  const onChange = useCallback((path: string, text: string) => {
    setFiles((current) => (current[path] === text ? current : { ...current, [path]: text }));
  }, []);

  const save = useCallback(() => {
    started.current = true;
    void sandbox.push(filesRef.current);
  }, [sandbox]);

  const run = useCallback(
    async (fn: FunctionInfo | null, path: string, argsText: string) => {
      setRunning(true);
      setPanel("run");
      try {
        started.current = true;
        const target = await sandbox.push(filesRef.current);
        if (!target) {
          setOutcome(null);
          return;
        }
        const udfType = fn?.udfType && fn.udfType !== "httpAction" ? fn.udfType : "query";
        const result = await runFunction({
          sandbox: target,
          path,
          udfType,
          argsText,
          caller,
          internal: fn?.visibility === "internal",
        });
        setOutcome(result);
        setRuns((n) => n + 1);
      } finally {
        setRunning(false);
      }
    },
    [sandbox, caller],
  );

  const replaceFiles = (next: FileMap, note: string) => {
    setFiles(next);
    if (!(active in next)) setActive(config.open);
    setShareStatus(note);
  };

  const checkWork = async () => {
    setPanel("checks");
    setChecks({ kind: "running" });
    started.current = true;
    const target = await sandbox.push(filesRef.current);
    if (!target) {
      setChecks({ kind: "failed", message: "Your files could not be pushed to the sandbox, so the checks cannot run. See the Run panel." });
      return;
    }
    try {
      const { runLessonChecks } = await import("../../lib/playground/checks/runLessonChecks");
      const results = await runLessonChecks(id, target.url);
      setChecks({ kind: "done", results });
      const slug = lessonSlugFromPath(location.pathname);
      if (slug && results.every((r) => r.passed)) markLessonPassed(slug, id);
    } catch (error) {
      setChecks({ kind: "failed", message: (error as Error).message });
    }
  };

  const share = async () => {
    const url = `${location.origin}${location.pathname}${shareHash(id, files)}`;
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      setShareStatus("Link copied.");
    } catch {
      setShareStatus("Link is in the address bar.");
    }
  };

  const panels: Array<[PanelName, string]> = [["run", "Run"], ["data", "Data"]];
  if (hasPreview) panels.push(["preview", "Preview"]);
  if (hasChecks) panels.push(["checks", "Checks"]);
  const sandboxUrl = sandbox.sandbox?.url ?? null;

  return (
    <section className="cp-playground" aria-label={`Playground: ${config.title}`} ref={rootRef} data-editor-state={editorState} data-sandbox-status={sandbox.status} data-runs={runs}>
      <header className="cp-toolbar">
        <span className="cp-title">{config.title}</span>
        <span className="cp-status" aria-live="polite" data-testid="share-status">{shareStatus}</span>
        <button type="button" onClick={() => replaceFiles(starter, "Reset to the starting files.")} data-testid="reset-button">
          Reset
        </button>
        {solution && (
          <button type="button" onClick={() => replaceFiles(solution, "Showing the solution.")} data-testid="solution-button">
            Solution
          </button>
        )}
        {hasChecks && (
          <button type="button" onClick={checkWork} disabled={checks.kind === "running"} data-testid="check-button">
            Check my work
          </button>
        )}
        <button type="button" onClick={share} data-testid="share-button">
          Share
        </button>
      </header>
      <div className="cp-body">
        <div className="cp-editor-column">
          <div className="cp-files" role="tablist" aria-label="Files" onKeyDown={moveTabFocus}>
            {paths.map((path) => (
              <button
                key={path}
                role="tab"
                type="button"
                aria-selected={path === active}
                className={[files[path] !== starter[path] ? "cp-dirty" : "", sandbox.pushErrors.some((e) => e.file === path) ? "cp-has-error" : ""].join(" ")}
                onClick={() => setActive(path)}
                data-file={path}
              >
                {path}
              </button>
            ))}
          </div>
          <div className="cp-editor-area">
            {editorState !== "ready" && (
              <div className="cp-static" ref={staticRef}>
                {children}
              </div>
            )}
            {editorState !== "static" && (
              <Suspense fallback={null}>
                <CodeEditor
                  instanceKey={instanceKey}
                  files={files}
                  active={active}
                  pushErrors={sandbox.pushErrors}
                  onChange={onChange}
                  onSave={save}
                  onReady={() => setEditorState("ready")}
                  onLoadError={(message) => {
                    setEditorState("failed");
                    setEditorError(message);
                  }}
                />
              </Suspense>
            )}
          </div>
        </div>
        <div className="cp-side">
          <div className="cp-panel-tabs" role="tablist" aria-label="Panels" onKeyDown={moveTabFocus}>
            {panels.map(([name, label]) => (
              <button key={name} role="tab" type="button" aria-selected={panel === name} onClick={() => setPanel(name)} data-panel={name}>
                {label}
              </button>
            ))}
          </div>
          <div className="cp-panel" role="tabpanel" aria-label={panels.find(([n]) => n === panel)?.[1]}>
            {editorError && <p className="cp-error">The editor could not load: {editorError}</p>}
            {panel === "run" && <RunPanel functions={sandbox.functions} defaultRun={config.run} running={running} outcome={outcome} onRun={run} />}
            {panel === "data" && (
              <Suspense fallback={<p className="cp-status">Loading…</p>}>
                {sandbox.sandbox ? <DataPanel sandbox={sandbox.sandbox} functions={sandbox.functions} caller={caller} onCaller={setCaller} hasAuthConfig={"convex/auth.config.ts" in files} /> : <p className="cp-status">Run something, or press Ctrl+S in the editor, to create your sandbox.</p>}
              </Suspense>
            )}
            {panel === "preview" && (
              <Suspense fallback={<p className="cp-status">Loading…</p>}>
                <PreviewPanel playgroundId={id} files={files} deploymentUrl={sandboxUrl} onNeedSandbox={startSandbox} />
              </Suspense>
            )}
            {panel === "checks" && <ChecksPanel state={checks} />}
            {/* Below the panel's own controls, so a status change never moves a button under the pointer. */}
            <ServerNotice status={sandbox.status} message={sandbox.message} serverUrl={sandbox.serverUrl} />
          </div>
        </div>
      </div>
    </section>
  );
}
