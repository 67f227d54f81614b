/**
 * The database layer's public contract: what the runtime (syscalls) and the
 * sync/server layers (subscriptions, persistence) may rely on.
 *
 * Values crossing this boundary are Convex values as `convex/values` defines
 * them (`Value`: null, bigint, number, boolean, string, ArrayBuffer, arrays,
 * plain objects). The syscall layer converts to and from the JSON wire form
 * with `jsonToConvex` / `convexToJson` from the real `convex/values`.
 */
import type { Value } from "convex/values";

/** Commit timestamps: strictly increasing, nanosecond-like u64 as in Convex. */
export type Timestamp = bigint;

/** A stored document: user fields plus `_id` and `_creationTime`. */
export type Document = { _id: string; _creationTime: number } & Record<string, Value>;

/** The JSON the `convex` package sends for `db.query(...)` (see CONVEX-SEMANTICS §1). */
export type SerializedQuery = {
  source:
    | { type: "FullTableScan"; tableName: string; order: "asc" | "desc" | null }
    | {
        type: "IndexRange";
        indexName: string;
        range: Array<{ type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte"; fieldPath: string; value: unknown }>;
        order: "asc" | "desc" | null;
      }
    | {
        type: "Search";
        indexName: string;
        filters: Array<{ type: "Search" | "Eq"; fieldPath: string; value: unknown }>;
      };
  operators: Array<{ filter: unknown } | { limit: number }>;
};

/** One interval of one index that a transaction read, in encoded index-key space. */
export interface ReadRange {
  /** `table.index`, e.g. `messages.by_channel` or `messages.by_creation_time`. */
  index: string;
  /** Inclusive lower bound, exclusive upper bound, as encoded index keys (null = unbounded). */
  start: Uint8Array | null;
  end: Uint8Array | null;
}

/** What a function read: index ranges (including point reads as one-key ranges) and search reads. */
export interface ReadSet {
  ranges: ReadRange[];
  /** Tables whose text-search results were read (any write to such a table invalidates). */
  searchedTables: string[];
}

/** One document change. `before` null = insert; `after` null = delete. */
export interface DocumentWrite {
  table: string;
  id: string;
  before: Document | null;
  after: Document | null;
}

export interface WriteSet {
  writes: DocumentWrite[];
}

/** A committed transaction, as handed to commit listeners and to the durable log. */
export interface Commit {
  ts: Timestamp;
  writes: DocumentWrite[];
}

/**
 * Durability hook. The database calls `append` synchronously inside `commit`
 * before the commit becomes visible or is acknowledged; an implementation
 * (SQLite in the server layer) must make it durable before returning.
 * `load` replays every commit in order at start-up.
 */
export interface CommitLog {
  append(commit: Commit): void;
  load(): Iterable<Commit>;
  /** Remove everything (sandbox reset). */
  clear(): void;
}

/** Thrown by `Database.commit` when a concurrent commit overlaps this transaction's read set. */
export class WriteConflictError extends Error {
  constructor(
    message: string,
    /** Table of the conflicting document, when known. */
    public readonly table: string | null,
    /** ID of the conflicting document, when known. */
    public readonly documentId: string | null,
    /** The function whose commit wrote that document (its transaction's `writeSource`), when known. */
    public readonly writer: string | null = null,
  ) {
    super(message);
    this.name = "WriteConflictError";
  }
}
