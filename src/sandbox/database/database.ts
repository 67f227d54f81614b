/**
 * The database: the latest snapshot plus recent history, table numbering,
 * schema installation, and serializable commits checked with optimistic
 * concurrency against every write committed since a transaction's snapshot.
 */
import { applyWrites, replayCommits } from "./commit.ts";
import { decodeId, encodeId, FIRST_USER_TABLE_NUMBER, newInternalId, tableNumberOfId } from "./ids.ts";
import { TableStore } from "./indexes/tableStore.ts";
import { conflictMessage, prepareReadSet, writeOverlaps, type KeyRange, type PreparedReadSet } from "./occ.ts";
import { Catalog } from "./schema/catalog.ts";
import { checkValue } from "./schema/checkValue.ts";
import type { SchemaJson } from "./schema/schemaJson.ts";
import { validateSchema } from "./schema/validateSchema.ts";
import { Snapshot } from "./snapshot.ts";
import { isSystemTable, SYSTEM_TABLE_NUMBERS } from "./systemTables.ts";
import { Transaction, type TransactionHost } from "./transaction.ts";
import {
  WriteConflictError,
  type Commit,
  type CommitLog,
  type DocumentWrite,
  type ReadSet,
  type Timestamp,
} from "./types.ts";
import { bytesToKey } from "./values/indexKey.ts";
import { resolveCommitTs } from "./values/commitTs.ts";

/** How many past snapshots `begin({ts})` can read, and how many commits OCC remembers. */
const SNAPSHOT_HISTORY = 32;
const COMMIT_HISTORY = 10_000;

/** Read sets are checked against many commits (live queries): convert each once. */
const preparedReadSets = new WeakMap<ReadSet, PreparedReadSet>();

interface RecordedCommit {
  ts: Timestamp;
  writes: DocumentWrite[];
  source: string | null;
}

export class Database implements TransactionHost {
  private readonly commitLog: CommitLog | null;
  private readonly clock: () => number;
  private latest: Snapshot;
  private history: Snapshot[] = [];
  private commits: RecordedCommit[] = [];
  /** Transactions whose snapshot is older than this cannot commit (history was cleared or trimmed). */
  private oldestCheckableTs: Timestamp = 0n;
  private readonly tableNumbers = new Map<string, number>(SYSTEM_TABLE_NUMBERS);
  private readonly tablesByNumber = new Map<number, string>([...SYSTEM_TABLE_NUMBERS].map(([n, i]) => [i, n]));
  private nextTableNumber = FIRST_USER_TABLE_NUMBER;
  private lastCreationTime = 0;
  private readonly listeners = new Set<(commit: Commit) => void>();

  constructor(opts: { commitLog?: CommitLog; now?: () => number } = {}) {
    this.commitLog = opts.commitLog ?? null;
    this.clock = opts.now ?? Date.now;
    this.latest = new Snapshot(0n, new Catalog(null), new Map());
  }

  /** Replays the commit log into memory. */
  load(): void {
    if (!this.commitLog) return;
    let ts = this.latest.ts;
    const tables = replayCommits(this.latest.tables, this.latest.catalog, this.commitLog.load(), (commit) => {
      for (const w of commit.writes) {
        this.registerTableOfId(w.table, w.id);
        const doc = w.after ?? w.before;
        if (doc && doc._creationTime > this.lastCreationTime) this.lastCreationTime = doc._creationTime;
      }
      if (commit.ts > ts) ts = commit.ts;
    });
    this.publish(new Snapshot(ts, this.latest.catalog, tables));
    this.oldestCheckableTs = ts;
  }

  // ---- Schema ---------------------------------------------------------------

  setSchema(schema: SchemaJson | null): void {
    if (schema !== null) validateSchema(schema);
    const catalog = new Catalog(schema);
    for (const [table, store] of this.latest.tables) {
      const validator = catalog.validatorOf(table);
      if (!validator) continue;
      for (const doc of store.documents()) {
        const error = checkValue(doc, validator, {
          isIdOfTable: (id, t) => this.tableNameOf(id) === t,
          tableNameOfId: (id) => this.tableNameOf(id),
        });
        if (error !== null) {
          throw new Error(`Document with ID "${doc._id}" in table "${table}" does not match the schema: ${error}`);
        }
      }
    }
    const tables = new Map<string, TableStore>();
    for (const [table, store] of this.latest.tables) tables.set(table, store.withIndexes(catalog.indexesOf(table), catalog.searchIndexesOf(table)));
    this.publish(new Snapshot(this.nextTs(), catalog, tables));
  }

  getSchema(): SchemaJson | null {
    return this.latest.catalog.schema;
  }

  // ---- Transactions ---------------------------------------------------------

  begin(opts: { ts?: Timestamp; writeSource?: string } = {}): Transaction {
    let snapshot = this.latest;
    if (opts.ts !== undefined && opts.ts !== this.latest.ts) {
      const found = [...this.history].reverse().find((s) => s.ts <= opts.ts!);
      if (!found) throw new Error(`Snapshot at timestamp ${opts.ts} is no longer available`);
      snapshot = found;
    }
    return new Transaction(this, snapshot, opts.writeSource ?? null);
  }

  commit(tx: Transaction): Commit {
    if (tx.finished) throw new Error("This transaction has already been committed");
    let pending = tx.writeSet().writes;
    if (pending.length === 0) {
      tx.finished = true;
      return { ts: tx.snapshotTs, writes: [] };
    }
    this.checkConflicts(tx);
    const ts = this.nextTs();
    if (tx.usesCommitTs) {
      pending = pending.map((w) => (w.after ? { ...w, after: resolveCommitTs(w.after, ts) } : w));
    }
    const { tables, writes } = this.applyCommitted(tx, pending);
    const commit: Commit = { ts, writes };
    this.commitLog?.append(commit);
    tx.finished = true;
    this.publish(new Snapshot(ts, this.latest.catalog, tables));
    this.commits.push({ ts, writes, source: tx.writeSource });
    if (this.commits.length > 2 * COMMIT_HISTORY) {
      // Trim in bulk so each commit stays O(1) amortized.
      const dropped = this.commits.splice(0, this.commits.length - COMMIT_HISTORY);
      this.oldestCheckableTs = dropped[dropped.length - 1].ts;
    }
    for (const listener of [...this.listeners]) listener(commit);
    return commit;
  }

  /**
   * The tables after `tx`'s writes. When nothing was committed since its
   * snapshot, the transaction's private stores already are that state.
   */
  private applyCommitted(tx: Transaction, pending: DocumentWrite[]): { tables: Map<string, TableStore>; writes: DocumentWrite[] } {
    if (tx.snapshotTs === this.latest.ts && tx.catalog === this.latest.catalog && !tx.usesCommitTs) {
      const tables = new Map(this.latest.tables);
      for (const [name, store] of tx.writtenTables()) tables.set(name, store);
      return { tables, writes: pending };
    }
    return applyWrites(this.latest.tables, this.latest.catalog, pending);
  }

  private checkConflicts(tx: Transaction): void {
    if (tx.snapshotTs < this.oldestCheckableTs) {
      throw new WriteConflictError(conflictMessage(null, null, null, null), null, null);
    }
    const readSet = prepareReadSet(tx.keyRanges(), tx.searchedTables());
    // Only the commits after the snapshot matter: walk back from the newest.
    let first = this.commits.length;
    while (first > 0 && this.commits[first - 1].ts > tx.snapshotTs) first--;
    for (let i = first; i < this.commits.length; i++) {
      const c = this.commits[i];
      for (const w of c.writes) {
        if (writeOverlaps(readSet, w, this.latest.catalog)) {
          throw new WriteConflictError(conflictMessage(w.table, w.id, c.source, tx.writeSource), w.table, w.id, c.source);
        }
      }
    }
  }

  latestTs(): Timestamp {
    return this.latest.ts;
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readSetOverlaps(readSet: ReadSet, writes: DocumentWrite[]): boolean {
    let prepared = preparedReadSets.get(readSet);
    if (!prepared) {
      const ranges: KeyRange[] = readSet.ranges.map((r) => ({
        index: r.index,
        start: r.start === null ? "" : bytesToKey(r.start),
        end: r.end === null ? null : bytesToKey(r.end),
      }));
      prepared = prepareReadSet(ranges, readSet.searchedTables);
      preparedReadSets.set(readSet, prepared);
    }
    return writes.some((w) => writeOverlaps(prepared, w, this.latest.catalog));
  }

  /** Deletes every document (keeps the schema and table numbers); clears the commit log. */
  clear(): void {
    this.commitLog?.clear();
    const ts = this.nextTs();
    this.commits = [];
    this.oldestCheckableTs = ts;
    this.publish(new Snapshot(ts, this.latest.catalog, new Map()));
  }

  tableNames(): string[] {
    const names = new Set<string>();
    for (const [name, store] of this.latest.tables) if (store.size > 0) names.add(name);
    for (const name of this.latest.catalog.tables.keys()) names.add(name);
    return [...names].filter((n) => !isSystemTable(n)).sort();
  }

  // ---- TransactionHost ------------------------------------------------------

  now(): number {
    return this.clock();
  }

  tableNumberFor(table: string, create: boolean): number | null {
    let n = this.tableNumbers.get(table);
    if (n === undefined && create) {
      n = this.nextTableNumber++;
      this.tableNumbers.set(table, n);
      this.tablesByNumber.set(n, table);
    }
    return n ?? null;
  }

  tableNameOf(id: string): string | null {
    const number = tableNumberOfId(id);
    return number === null ? null : (this.tablesByNumber.get(number) ?? null);
  }

  newDocumentId(table: string): string {
    const number = this.tableNumberFor(table, true)!;
    return encodeId(number, newInternalId(this.clock(), internalIdScratch));
  }

  /** The transaction's begin time, or the next float after the last creation time if that is not later. */
  nextCreationTime(beginTime: number): number {
    let t = beginTime;
    if (t <= this.lastCreationTime) t = nextFloatAfter(this.lastCreationTime);
    this.lastCreationTime = t;
    return t;
  }

  // ---- Internals ------------------------------------------------------------

  private registerTableOfId(table: string, id: string): void {
    if (this.tableNumbers.has(table)) return;
    const decoded = decodeId(id);
    if (!decoded) return;
    this.tableNumbers.set(table, decoded.tableNumber);
    this.tablesByNumber.set(decoded.tableNumber, table);
    if (decoded.tableNumber >= this.nextTableNumber) this.nextTableNumber = decoded.tableNumber + 1;
  }

  /** Timestamps: strictly increasing, and at least the wall clock in nanoseconds. */
  private nextTs(): Timestamp {
    const wall = BigInt(Math.floor(this.clock())) * 1_000_000n;
    const next = this.latest.ts + 1n;
    return wall > next ? wall : next;
  }

  private publish(snapshot: Snapshot): void {
    for (const store of snapshot.tables.values()) store.seal();
    this.latest = snapshot;
    this.history.push(snapshot);
    if (this.history.length > SNAPSHOT_HISTORY) this.history.shift();
  }
}

const floatBits = new DataView(new ArrayBuffer(8));
/** `encodeId` copies the internal id, so one buffer serves every new id. */
const internalIdScratch = new Uint8Array(16);

function nextFloatAfter(x: number): number {
  const view = floatBits;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x >= 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
