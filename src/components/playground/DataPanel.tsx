/**
 * Live data: every table's documents (`TablesView`, through the sandbox's admin-only system
 * queries), and every public query of the learner's deployment that needs no arguments,
 * subscribed through a real ConvexReactClient on the sandbox, so each commit that changes
 * a result re-renders it (no polling). Also the "act as user" picker, which applies to
 * the query subscriptions and to the runner, and the sandbox's environment variables.
 */
import { useEffect, useMemo, useState } from "react";
import { ConvexReactClient } from "convex/react";
import { makeFunctionReference } from "convex/server";
import type { Value } from "convex/values";
import type { FunctionInfo, SandboxInfo } from "../../lib/playground/sandbox/sandboxApi";
import { applyCaller, callerFor, SAMPLE_USERS, type Caller } from "../../lib/playground/sandbox/identity";
import { formatValue } from "../../lib/playground/runner/formatValue";
import ErrorDetails from "./ErrorDetails";
import TablesView from "./TablesView";
import EnvironmentVariablesView from "./EnvironmentVariablesView";

interface Props {
  sandbox: SandboxInfo;
  functions: FunctionInfo[];
  caller: Caller | null;
  onCaller(caller: Caller | null): void;
  /** Whether the learner's files include convex/auth.config.ts. */
  hasAuthConfig: boolean;
}

/** True when a query can be called with `{}`: no args validator, or an object validator whose fields are all optional. */
function callableWithoutArgs(fn: FunctionInfo): boolean {
  const args = fn.args as { type?: string; value?: Record<string, { optional?: boolean }> } | null;
  if (!args || args.type === "any") return true;
  if (args.type !== "object") return false;
  return Object.values(args.value ?? {}).every((field) => field.optional === true);
}

export default function DataPanel({ sandbox, functions, caller, onCaller, hasAuthConfig }: Props) {
  const client = useMemo(() => new ConvexReactClient(sandbox.url, { skipConvexDeploymentUrlCheck: true, logger: false } as any), [sandbox.url]);
  useEffect(() => () => void client.close(), [client]);
  useEffect(() => applyCaller(client as any, sandbox, caller, { client: "react" }), [client, sandbox, caller]);
  const queries = functions.filter((f) => f.udfType === "query" && f.visibility === "public" && callableWithoutArgs(f));
  const [picking, setPicking] = useState(false);

  return (
    <div data-testid="data-view">
      <div className="cp-row">
        <label htmlFor="cp-identity">Act as</label>
        <select
          id="cp-identity"
          value={caller?.user.subject ?? ""}
          disabled={picking}
          onChange={async (e) => {
            const user = SAMPLE_USERS.find((u) => u.subject === e.target.value);
            if (!user) return onCaller(null);
            setPicking(true);
            try {
              onCaller(await callerFor(sandbox, user, hasAuthConfig));
            } finally {
              setPicking(false);
            }
          }}
          data-testid="identity-select"
        >
          <option value="">Anonymous (not signed in)</option>
          {SAMPLE_USERS.map((u) => (
            <option key={u.subject} value={u.subject}>
              {u.name} ({u.subject})
            </option>
          ))}
        </select>
        {caller && <span className="cp-status">{caller.kind === "token" ? "signed JWT" : "admin acting as user"}</span>}
      </div>
      <TablesView sandbox={sandbox} />
      {queries.length === 0 && <p className="cp-status">No public query without arguments to watch yet. Add one (for example a <code>list</code> query) and save.</p>}
      {queries.map((fn) => (
        <LiveQuery key={fn.path} client={client} path={fn.path} />
      ))}
      <EnvironmentVariablesView sandbox={sandbox} />
    </div>
  );
}

function LiveQuery({ client, path }: { client: ConvexReactClient; path: string }) {
  const [state, setState] = useState<{ value?: Value; error?: string; updates: number }>({ updates: 0 });
  useEffect(() => {
    const watch = client.watchQuery(makeFunctionReference<"query">(path), {});
    const read = () => {
      try {
        const value = watch.localQueryResult();
        if (value !== undefined) setState((s) => ({ value, updates: s.updates + 1 }));
      } catch (error) {
        setState((s) => ({ error: (error as Error).message, updates: s.updates + 1 }));
      }
    };
    read();
    return watch.onUpdate(read);
  }, [client, path]);
  return (
    <section className="cp-live-query" data-query={path}>
      <h3>
        {path} <span className="cp-value-type">live · {state.updates} update{state.updates === 1 ? "" : "s"}</span>
      </h3>
      {state.error ? <ErrorDetails message={state.error} /> : state.value === undefined && state.updates === 0 ? <p className="cp-status">Loading…</p> : <pre data-testid="live-value">{formatValue(state.value)}</pre>}
    </section>
  );
}
