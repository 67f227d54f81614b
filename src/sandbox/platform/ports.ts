/**
 * The parts of the database and the runtime that the platform services use,
 * written as structural types so that each service depends only on what it
 * calls. `Database` / `Transaction` from `src/sandbox/database` satisfy these.
 */
import type { UserIdentity } from "convex/server";
import type { Value } from "convex/values";
import type { Commit, Document, SerializedQuery, Timestamp } from "../database/types.js";
import type { UdfType } from "../runtime/types.js";

export interface PlatformTransaction {
  readonly snapshotTs: Timestamp;
  get(id: string, opts?: { table?: string; isSystem?: boolean }): Document | null;
  normalizeId(table: string, id: string): string | null;
  startQuery(query: SerializedQuery): number;
  nextInQuery(queryId: number): { value: Document | null; done: boolean };
  closeQuery(queryId: number): void;
  systemInsert(table: string, value: Record<string, Value>): string;
  systemPatch(id: string, value: Record<string, Value | undefined>): Document;
  systemDelete(id: string): Document;
}

export interface PlatformDatabase {
  begin(opts?: { ts?: Timestamp }): PlatformTransaction;
  commit(tx: PlatformTransaction): Commit;
  onCommit(listener: (commit: Commit) => void): () => void;
}

/** What a platform syscall handler knows about the function call that made it. */
export interface PlatformCallContext {
  udfType: UdfType;
  requestId: string;
  /** The call's transaction (queries and mutations); null in actions. */
  tx: PlatformTransaction | null;
  identity: UserIdentity | null;
  /** The `_scheduled_functions` job this call is running, when it was started by the scheduler. */
  scheduledJobId: string | null;
}

/**
 * A platform syscall: receives the parsed JSON args, returns the JSON result
 * (the runtime stringifies it). Throwing an Error fails the syscall with its message.
 */
export type PlatformSyscall = (ctx: PlatformCallContext, args: Record<string, unknown>) => unknown | Promise<unknown>;

/** Reads every document of a (system) table in creation order. */
export function scanTable(tx: PlatformTransaction, tableName: string): Document[] {
  const queryId = tx.startQuery({ source: { type: "FullTableScan", tableName, order: "asc" }, operators: [] });
  const docs: Document[] = [];
  try {
    for (;;) {
      const { value, done } = tx.nextInQuery(queryId);
      if (value) docs.push(value);
      if (done || !value) break;
    }
  } finally {
    tx.closeQuery(queryId);
  }
  return docs;
}
