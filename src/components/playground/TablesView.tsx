/**
 * Every table of the learner's sandbox, live: a ConvexReactClient with the sandbox's admin key
 * subscribes to the built-in system queries `_system/playground:tables` (names and counts) and
 * `_system/playground:documentsPage` (one page of the picked table, newest first), as the Convex
 * dashboard does with its own admin-only functions. Commits that touch a table re-run them (no
 * polling). "Older" moves to the page starting at the current page's `continueCursor`; "Newer"
 * goes back to the previous page's start, so the whole table can be paged through.
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
type DocPage = { page: Doc[]; isDone: boolean; continueCursor: string };
type PageArgs = { table: string; paginationOpts: { numItems: number; cursor: string | null } };

const tablesQuery = makeFunctionReference<"query", Record<string, never>, TableCount[]>("_system/playground:tables");
const documentsPageQuery = makeFunctionReference<"query", PageArgs, DocPage>("_system/playground:documentsPage");
const PAGE = 50;

/** A live result of one query on `client`: undefined while loading. */
function useLive<T>(client: ConvexReactClient, query: typeof tablesQuery | typeof documentsPageQuery, args: Record<string, Value> | null) {
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
  // The start cursor of every page from the newest to the one shown (null: the newest page).
  const [starts, setStarts] = useState<{ table: string | null; cursors: Array<string | null> }>({ table, cursors: [null] });
  const cursors = starts.table === table ? starts.cursors : [null];
  const docs = useLive<DocPage>(
    client,
    documentsPageQuery,
    table === null ? null : { table, paginationOpts: { numItems: PAGE, cursor: cursors[cursors.length - 1] } },
  );

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
      {table !== null && docs.value && (
        <Documents
          table={table}
          page={docs.value}
          pageNumber={cursors.length}
          total={shown.find((t) => t.name === table)?.count ?? 0}
          onNewer={cursors.length > 1 ? () => setStarts({ table, cursors: cursors.slice(0, -1) }) : null}
          onOlder={docs.value.isDone ? null : () => setStarts({ table, cursors: [...cursors, docs.value!.continueCursor] })}
        />
      )}
    </section>
  );
}

interface DocumentsProps {
  table: string;
  page: DocPage;
  /** 1 for the newest page. */
  pageNumber: number;
  total: number;
  onNewer: (() => void) | null;
  onOlder: (() => void) | null;
}

function Documents({ table, page, pageNumber, total, onNewer, onOlder }: DocumentsProps) {
  const docs = page.page;
  if (docs.length === 0 && pageNumber === 1) return <p className="cp-status">{table} is empty.</p>;
  // Where the page sits, counted from the newest document (approximate once earlier pages change).
  const first = (pageNumber - 1) * PAGE + 1;
  const position =
    total <= docs.length && pageNumber === 1
      ? `${docs.length} document${docs.length === 1 ? "" : "s"}`
      : docs.length === 0
        ? `No more documents (of ${total})`
        : `Documents ${first}–${first + docs.length - 1} of ${total}`;
  return (
    <div data-testid="table-documents" data-table={table} data-page={pageNumber}>
      <div className="cp-row cp-pager">
        <span className="cp-status" data-testid="table-position">
          {position}, newest first
        </span>
        {(onNewer || onOlder) && (
          <>
            <button type="button" data-testid="page-newer" disabled={!onNewer} onClick={onNewer ?? undefined}>
              ← Newer
            </button>
            <button type="button" data-testid="page-older" disabled={!onOlder} onClick={onOlder ?? undefined}>
              Older →
            </button>
          </>
        )}
      </div>
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
