/**
 * Every table of the learner's sandbox, live: a ConvexReactClient with the sandbox's admin key
 * subscribes to the built-in system queries `_system/playground:tables` (names and counts) and
 * `_system/playground:documents` (the picked table's newest documents), as the Convex dashboard
 * does with its own admin-only functions. Commits that touch a table re-run them (no polling).
 */
import { useEffect, useMemo, useState } from "react";
import { ConvexReactClient } from "convex/react";
import { makeFunctionReference } from "convex/server";
import type { Value } from "convex/values";
import type { SandboxInfo } from "../../lib/playground/sandbox/sandboxApi";
import { formatValue } from "../../lib/playground/runner/formatValue";
import ErrorDetails from "./ErrorDetails";

type TableCount = { name: string; count: number };
type Doc = Record<string, Value>;

const tablesQuery = makeFunctionReference<"query", Record<string, never>, TableCount[]>("_system/playground:tables");
const documentsQuery = makeFunctionReference<"query", { table: string; limit?: number }, Doc[]>("_system/playground:documents");
const PAGE = 50;

/** A live result of one query on `client`: undefined while loading. */
function useLive<T>(client: ConvexReactClient, query: typeof tablesQuery | typeof documentsQuery, args: Record<string, Value> | null) {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  const key = JSON.stringify(args);
  useEffect(() => {
    setState({});
    if (args === null) return;
    const watch = client.watchQuery(query as any, args as any);
    const read = () => {
      try {
        const value = watch.localQueryResult();
        if (value !== undefined) setState({ value: value as T });
      } catch (error) {
        setState({ error: (error as Error).message });
      }
    };
    read();
    return watch.onUpdate(read);
  }, [client, query, key]);
  return state;
}

export default function TablesView({ sandbox }: { sandbox: SandboxInfo }) {
  const client = useMemo(() => {
    const c = new ConvexReactClient(sandbox.url, { skipConvexDeploymentUrlCheck: true, logger: false } as any);
    (c as unknown as { setAdminAuth(key: string): void }).setAdminAuth(sandbox.adminKey);
    return c;
  }, [sandbox.url, sandbox.adminKey]);
  useEffect(() => () => void client.close(), [client]);

  const tables = useLive<TableCount[]>(client, tablesQuery, {});
  // System tables are listed once they hold something; user tables always.
  const shown = (tables.value ?? []).filter((t) => !t.name.startsWith("_") || t.count > 0);
  const [picked, setPicked] = useState<string | null>(null);
  const table = picked !== null && shown.some((t) => t.name === picked) ? picked : (shown[0]?.name ?? null);
  const docs = useLive<Doc[]>(client, documentsQuery, table === null ? null : { table, limit: PAGE });

  return (
    <section className="cp-tables" data-testid="tables-view">
      <div className="cp-row">
        <label htmlFor="cp-table">Table</label>
        <select id="cp-table" data-testid="table-select" value={table ?? ""} onChange={(e) => setPicked(e.target.value)} disabled={shown.length === 0}>
          {shown.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.count})
            </option>
          ))}
        </select>
      </div>
      {tables.error && <ErrorDetails message={tables.error} />}
      {tables.value && shown.length === 0 && <p className="cp-status">No tables yet. Run a mutation that inserts a document.</p>}
      {docs.error && <ErrorDetails message={docs.error} />}
      {table !== null && docs.value && <Documents table={table} docs={docs.value} total={shown.find((t) => t.name === table)?.count ?? 0} />}
    </section>
  );
}

function Documents({ table, docs, total }: { table: string; docs: Doc[]; total: number }) {
  if (docs.length === 0) return <p className="cp-status">{table} is empty.</p>;
  return (
    <div data-testid="table-documents" data-table={table}>
      <p className="cp-status">
        {total > docs.length ? `Newest ${docs.length} of ${total}` : `${docs.length} document${docs.length === 1 ? "" : "s"}`}, newest first
      </p>
      {docs.map((doc) => (
        <pre key={String(doc._id)} data-testid="table-document">
          {formatValue(summary(table, doc))}
        </pre>
      ))}
    </div>
  );
}

/** Scheduled functions and stored files show the fields that matter; other documents show whole. */
function summary(table: string, doc: Doc): Value {
  if (table === "_scheduled_functions") {
    const state = doc.state as { kind?: string } | undefined;
    return { _id: doc._id, name: doc.name, state: state?.kind ?? null, scheduledTime: new Date(doc.scheduledTime as number).toISOString() };
  }
  if (table === "_storage") return { _id: doc._id, size: doc.size, contentType: doc.contentType ?? null };
  return doc;
}
