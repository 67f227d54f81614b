/** Results of "check my work": each check, passed or with the reason it failed. */
import type { CheckResult } from "../../lib/checks";

export type ChecksState = { kind: "idle" } | { kind: "running" } | { kind: "done"; results: CheckResult[] } | { kind: "failed"; message: string };

export default function ChecksPanel({ state }: { state: ChecksState }) {
  if (state.kind === "idle") return <p className="cp-status">Press “Check my work” to run this exercise's checks against your sandbox.</p>;
  if (state.kind === "running") return <p className="cp-status">Running the checks…</p>;
  if (state.kind === "failed") return <p className="cp-error" role="alert">{state.message}</p>;
  const passed = state.results.every((r) => r.passed);
  return (
    <div data-testid="check-results">
      <p className={passed ? "cp-ok" : "cp-error"} role="status">
        {passed ? "All checks passed. Well done!" : `${state.results.filter((r) => !r.passed).length} of ${state.results.length} checks failed.`}
      </p>
      <ul className="cp-checks">
        {state.results.map((r) => (
          <li key={r.name}>
            <span className={r.passed ? "cp-ok" : "cp-error"}>{r.passed ? "✓" : "✗"}</span> {r.name}
            {r.message && <pre className="cp-error">{r.message}</pre>}
          </li>
        ))}
      </ul>
    </div>
  );
}
