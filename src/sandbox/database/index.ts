/**
 * The sandbox database: in-memory, multi-version, optimistic-concurrency
 * checked. See /tmp DB API contract mirrored in types.ts.
 */
import type { Value } from "convex/values";
import type {
  Commit,
  CommitLog,
  Document,
  DocumentWrite,
  ReadSet,
  SerializedQuery,
  Timestamp,
  WriteSet,
} from "./types.ts";
import type { SchemaJson, ValidatorJson } from "./schema/schemaJson.ts";

export * from "./types.ts";
export type * from "./schema/schemaJson.ts";

const notYet = (): never => {
  throw new Error("not implemented yet");
};

export class Database {
  constructor(_opts?: { commitLog?: CommitLog; now?: () => number }) {}
  load(): void {}
  setSchema(_schema: SchemaJson | null): void {
    notYet();
  }
  getSchema(): SchemaJson | null {
    return notYet();
  }
  begin(_opts?: { ts?: Timestamp }): Transaction {
    return notYet();
  }
  commit(_tx: Transaction): Commit {
    return notYet();
  }
  latestTs(): Timestamp {
    return notYet();
  }
  onCommit(_listener: (commit: Commit) => void): () => void {
    return notYet();
  }
  readSetOverlaps(_readSet: ReadSet, _writes: DocumentWrite[]): boolean {
    return notYet();
  }
  clear(): void {
    notYet();
  }
  tableNames(): string[] {
    return notYet();
  }
}

export class Transaction {
  readonly snapshotTs: Timestamp = 0n;
  get(_id: string, _opts?: { table?: string; isSystem?: boolean }): Document | null {
    return notYet();
  }
  normalizeId(_table: string, _id: string): string | null {
    return notYet();
  }
  startQuery(_query: SerializedQuery): number {
    return notYet();
  }
  nextInQuery(_queryId: number): { value: Document | null; done: boolean } {
    return notYet();
  }
  closeQuery(_queryId: number): void {
    notYet();
  }
  queryPage(_args: {
    query: SerializedQuery;
    cursor: string | null;
    endCursor: string | null;
    pageSize: number;
    maximumRowsRead: number | null;
    maximumBytesRead: number | null;
  }): {
    page: Document[];
    isDone: boolean;
    continueCursor: string;
    splitCursor: string | null;
    pageStatus: "SplitRecommended" | "SplitRequired" | null;
  } {
    return notYet();
  }
  count(_table: string): number {
    return notYet();
  }
  insert(_table: string, _value: Record<string, Value>): string {
    return notYet();
  }
  patch(_id: string, _value: Record<string, Value | undefined>, _opts?: { table?: string }): Document {
    return notYet();
  }
  replace(_id: string, _value: Record<string, Value>, _opts?: { table?: string }): Document {
    return notYet();
  }
  delete(_id: string, _opts?: { table?: string }): Document {
    return notYet();
  }
  systemInsert(_table: string, _value: Record<string, Value>): string {
    return notYet();
  }
  systemPatch(_id: string, _value: Record<string, Value | undefined>): Document {
    return notYet();
  }
  systemDelete(_id: string): Document {
    return notYet();
  }
  readSet(): ReadSet {
    return notYet();
  }
  writeSet(): WriteSet {
    return notYet();
  }
  metrics(): Record<string, { used: number; remaining: number }> {
    return notYet();
  }
  savepoint(): number {
    return notYet();
  }
  rollbackTo(_savepoint: number): void {
    notYet();
  }
}

export function checkValue(
  _value: Value | undefined,
  _validator: ValidatorJson,
  _opts: { isIdOfTable: (id: string, table: string) => boolean },
): string | null {
  return notYet();
}
