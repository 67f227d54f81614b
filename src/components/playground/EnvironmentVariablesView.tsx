/**
 * The sandbox's environment variables: the list, a form to set one (a new name or an existing
 * one), and a remove button per variable. Functions read them as `process.env.NAME`; after a
 * change the server re-runs the live queries, so the data view updates by itself.
 */
import { useEffect, useState } from "react";
import type { SandboxInfo } from "../../lib/playground/sandbox/sandboxApi";
import { listEnvironmentVariables, updateEnvironmentVariables, type EnvVarChange } from "../../lib/playground/sandbox/environmentVariables";

export default function EnvironmentVariablesView({ sandbox }: { sandbox: SandboxInfo }) {
  const [vars, setVars] = useState<Record<string, string> | null>(null);
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listEnvironmentVariables(sandbox).then(
      (loaded) => live && setVars(loaded),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [sandbox]);

  async function apply(changes: EnvVarChange[]): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await updateEnvironmentVariables(sandbox, changes);
      setVars(await listEnvironmentVariables(sandbox));
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const names = Object.keys(vars ?? {});
  return (
    <section data-testid="env-view">
      <h3>Environment variables</h3>
      <p className="cp-status">
        Read in functions as <code>process.env.NAME</code>; like <code>npx convex env set</code>.
      </p>
      {vars === null && !error && <p className="cp-status">Loading…</p>}
      {vars !== null && names.length === 0 && <p className="cp-status" data-testid="env-empty">No environment variables set.</p>}
      {names.length > 0 && (
        <table className="cp-table">
          <tbody>
            {names.map((n) => (
              <tr key={n} data-testid="env-row" data-name={n}>
                <th scope="row">{n}</th>
                <td>{vars![n]}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void apply([{ name: n, value: null }])} aria-label={`Remove ${n}`} data-testid="env-remove">
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="cp-row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await apply([{ name: name.trim(), value }])) {
            setName("");
            setValue("");
          }
        }}
      >
        <input aria-label="Variable name" placeholder="NAME" value={name} onChange={(e) => setName(e.target.value)} data-testid="env-name" />
        <input aria-label="Variable value" placeholder="value" value={value} onChange={(e) => setValue(e.target.value)} data-testid="env-value" />
        <button type="submit" disabled={busy || name.trim() === ""} data-testid="env-set">
          Set
        </button>
      </form>
      {error && (
        <p className="cp-error" role="alert" data-testid="env-error">
          {error}
        </p>
      )}
    </section>
  );
}
