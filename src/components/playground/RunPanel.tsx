/**
 * The function runner: pick any exported function from the last push, edit its arguments
 * (pre-filled from its validators), Run, and see the value, logs, duration or error.
 * While a run is under way, Run does nothing; the button says "Running…" (disabled) only
 * once the run has taken longer than RUNNING_LABEL_DELAY_MS, so a quick run changes the
 * page once (its result) instead of twice, saving a layout and a paint per click.
 */
import { useEffect, useMemo, useState } from "react";
import type { FunctionInfo } from "../../lib/playground/sandbox/sandboxApi";
import { argsTemplate } from "../../lib/playground/runner/argsTemplate";
import { formatValue } from "../../lib/playground/runner/formatValue";
import type { RunOutcome } from "../../lib/playground/runner/runFunction";
import ErrorDetails from "./ErrorDetails";

const RUNNING_LABEL_DELAY_MS = 150;

/** True once `flag` has stayed true for `delayMs`. */
function useTrueAfter(flag: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    setElapsed(false);
    if (!flag) return;
    const timer = setTimeout(() => setElapsed(true), delayMs);
    return () => clearTimeout(timer);
  }, [flag, delayMs]);
  return flag && elapsed;
}

interface Props {
  functions: FunctionInfo[];
  defaultRun?: { path: string; args?: Record<string, unknown> };
  running: boolean;
  outcome: RunOutcome | null;
  onRun(fn: FunctionInfo | null, path: string, argsText: string): void;
}

export default function RunPanel({ functions, defaultRun, running, outcome, onRun }: Props) {
  const runnable = useMemo(() => functions.filter((f) => f.udfType !== "httpAction"), [functions]);
  const [path, setPath] = useState(defaultRun?.path ?? "");
  const [argsText, setArgsText] = useState(defaultRun?.args ? JSON.stringify(defaultRun.args, null, 2) : "{}");
  const [argsTouched, setArgsTouched] = useState(false);
  const selected = runnable.find((f) => f.path === path) ?? null;
  const showRunning = useTrueAfter(running, RUNNING_LABEL_DELAY_MS);
  const submit = () => {
    if (!running) onRun(selected, path, argsText);
  };

  // Pick a function once the list arrives, and pre-fill its arguments from its validators.
  useEffect(() => {
    if (!selected && runnable.length > 0 && !runnable.some((f) => f.path === path)) setPath(runnable[0].path);
  }, [runnable, selected, path]);
  useEffect(() => {
    if (argsTouched || !selected) return;
    if (defaultRun?.path === selected.path && defaultRun.args) setArgsText(JSON.stringify(defaultRun.args, null, 2));
    else setArgsText(argsTemplate(selected.args));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected?.path, selected?.args]);

  return (
    <div className="cp-run-panel">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="cp-row">
          <label htmlFor="cp-fn">Function</label>
          <select
            id="cp-fn"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              setArgsTouched(false);
            }}
            data-testid="function-select"
          >
            {runnable.length === 0 && <option value={path}>{path || "(push to list functions)"}</option>}
            {runnable.map((f) => (
              <option key={f.path} value={f.path}>
                {f.path} — {f.visibility === "internal" ? "internal " : ""}
                {f.udfType}
              </option>
            ))}
          </select>
          <button type="submit" className="cp-primary" disabled={showRunning} data-testid="run-button">
            {showRunning ? "Running…" : "Run"}
          </button>
        </div>
        <label htmlFor="cp-args" className="cp-status">
          Arguments (JSON; Convex types in their JSON encoding, e.g. {"{\"$integer\": …}"} for int64)
        </label>
        <textarea
          id="cp-args"
          className="cp-args"
          spellCheck={false}
          value={argsText}
          onChange={(e) => {
            setArgsText(e.target.value);
            setArgsTouched(true);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
          data-testid="args-editor"
        />
      </form>
      <div aria-live="polite" data-testid="run-output">
        {outcome && (
          <>
            <p className="cp-status">
              {outcome.ok ? <span className="cp-ok">Success</span> : <span className="cp-error">Failed</span>} in{" "}
              <span data-testid="run-duration">{outcome.durationMs.toFixed(1)} ms</span>
            </p>
            {outcome.ok ? <pre data-testid="run-result">{formatValue(outcome.value)}</pre> : <ErrorDetails message={outcome.message} errorData={outcome.errorData} />}
            {outcome.logs.length > 0 && (
              <>
                <h3>Logs</h3>
                <pre data-testid="run-logs">{outcome.logs.map((l) => `[${l.level.toUpperCase()}] ${l.text}`).join("\n")}</pre>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
