/**
 * A transaction: reads a fixed snapshot, buffers its writes in private
 * copy-on-write clones of the touched tables (so it sees its own writes),
 * records what it read as index intervals, and counts against the limits.
 */
import type { Value } from "convex/values";
import { checkValue, type CheckValueOptions } from "./schema/checkValue.ts";
import type { Catalog } from "./schema/catalog.ts";
import { BY_ID } from "./schema/catalog.ts";
import { idKey, TableStore } from "./indexes/tableStore.ts";
import { TransactionCounters } from "./limits.ts";
import { queryPage, type PageArgs, type PageResult } from "./query/paginate.ts";
import { QueryStream } from "./query/queryStream.ts";
import type { ObservedRange, ReadView } from "./query/readView.ts";
import type { Snapshot } from "./snapshot.ts";
import {
  checkUserTableName,
  isSystemTable,
  SYSTEM_TABLES_NEED_DB_SYSTEM,
  SYSTEM_TABLES_READ_ONLY,
  USER_TABLES_NOT_IN_DB_SYSTEM,
} from "./systemTables.ts";
import type { Document, DocumentWrite, ReadSet, SerializedQuery, Timestamp, WriteSet } from "./types.ts";
import { checkUserFields, dropUndefined } from "./values/documentFields.ts";
import { keySuccessor, keyToBytes } from "./values/indexKey.ts";
import { documentSize, measureDocument, rememberDocumentSize } from "./values/size.ts";
import type { KeyRange } from "./occ.ts";

/** What a transaction needs from its database. */
export interface TransactionHost {
  tableNumberFor(table: string, create: boolean): number | null;
  tableNameOf(id: string): string | null;
  newDocumentId(table: string): string;
  nextCreationTime(beginTime: number): number;
  now(): number;
}

/** A document's write so far: the first `before` and the latest `after` (both null: inserted, then deleted). */
type PendingWrite = DocumentWrite;

interface Savepoint {
  local: Map<string, TableStore>;
  writes: Map<string, PendingWrite>;
}

/** A single point read (`db.get`, or the read before a patch/replace/delete). */
class PointRead implements ObservedRange {
  constructor(
    readonly table: string,
    private readonly key: string,
  ) {}
  get index(): string {
    return `${this.table}.${BY_ID}`;
  }
  observed() {
    return { start: this.key, end: keySuccessor(this.key) };
  }
}

type WriteKind = "Update" | "Replace" | "Delete";
const METHOD_OF: Record<WriteKind, string> = { Update: "db.patch", Replace: "db.replace", Delete: "db.delete" };

export class Transaction implements ReadView {
  readonly snapshotTs: Timestamp;
  /** When the transaction began (ms); the first insert's `_creationTime`. */
  readonly beginTime: number;
  /** Name of the function running in this transaction, for write-conflict messages. */
  writeSource: string | null;

  private readonly local = new Map<string, TableStore>();
  private writes = new Map<string, PendingWrite>();
  private readonly ranges: ObservedRange[] = [];
  private readonly searched = new Set<string>();
  private readonly counters = new TransactionCounters();
  private readonly queries = new Map<number, QueryStream>();
  private nextQueryId = 0;
  private readonly savepoints: Savepoint[] = [];
  /** True once a written document holds a `db.vars.commitTs` placeholder. */
  usesCommitTs = false;
  /** Set once committed or abandoned. */
  finished = false;

  constructor(
    private readonly host: TransactionHost,
    private readonly snapshot: Snapshot,
    writeSource: string | null = null,
  ) {
    this.snapshotTs = snapshot.ts;
    this.beginTime = host.now();
    this.writeSource = writeSource;
  }

  /** The document `write` is validating: its own `_id` is known to belong to its table. */
  private validating: { id: string; table: string } = { id: "", table: "" };

  private readonly idChecks: CheckValueOptions = {
    isIdOfTable: (value, t) =>
      (value === this.validating.id && t === this.validating.table) || this.host.tableNameOf(value) === t,
    tableNameOfId: (value) => this.host.tableNameOf(value),
  };

  // ---- ReadView -------------------------------------------------------------

  get catalog(): Catalog {
    return this.snapshot.catalog;
  }

  table(name: string): TableStore | undefined {
    return this.local.get(name) ?? this.snapshot.tables.get(name);
  }

  addRange(range: ObservedRange): void {
    this.counters.query();
    this.ranges.push(range);
  }

  documentRead(doc: Document): void {
    this.counters.read(documentSize(doc));
  }

  searchedTable(table: string): void {
    this.searched.add(table);
  }

  // ---- Reads ----------------------------------------------------------------

  get(id: string, opts: { table?: string; isSystem?: boolean } = {}): Document | null {
    const table = this.host.tableNameOf(id);
    if (opts.table !== undefined && table !== null && table !== opts.table) {
      throw new Error(
        `Invalid argument \`id\` for \`db.get\`: expected to be an Id<"${opts.table}">, got Id<"${table}"> instead.`,
      );
    }
    if (table === null) return null;
    if (isSystemTable(table) !== (opts.isSystem ?? false)) {
      throw new Error(isSystemTable(table) ? SYSTEM_TABLES_NEED_DB_SYSTEM : USER_TABLES_NOT_IN_DB_SYSTEM);
    }
    return this.pointRead(table, id);
  }

  private pointRead(table: string, id: string): Document | null {
    this.addRange(new PointRead(table, idKey(id)));
    const doc = this.table(table)?.getById(id) ?? null;
    if (doc) this.documentRead(doc);
    return doc;
  }

  normalizeId(table: string, id: string): string | null {
    return this.host.tableNameOf(id) === table ? id : null;
  }

  startQuery(query: SerializedQuery): number {
    const stream = new QueryStream(this, query);
    const id = this.nextQueryId++;
    this.queries.set(id, stream);
    return id;
  }

  nextInQuery(queryId: number): { value: Document | null; done: boolean } {
    const stream = this.queries.get(queryId);
    if (!stream) throw new Error(`Query ${queryId} not found (it was closed or never started).`);
    const value = stream.next();
    return { value, done: value === null };
  }

  closeQuery(queryId: number): void {
    this.queries.delete(queryId);
  }

  queryPage(args: PageArgs): PageResult {
    return queryPage(this, args);
  }

  count(table: string): number {
    const store = this.table(table);
    // Counting depends on every document of the table.
    this.addRange({ index: `${table}.${BY_ID}`, table, observed: () => ({ start: "", end: null }) });
    return store?.size ?? 0;
  }

  // ---- Writes ---------------------------------------------------------------

  /**
   * `opts.valuesDecoded`: `value` was just decoded from JSON (as the runtime's
   * insert syscall gives it), so its Convex value checks need not run again,
   * it holds no `undefined` fields, and nobody else holds it: it becomes the
   * stored document itself.
   */
  insert(table: string, value: Record<string, Value>, opts: { valuesDecoded?: boolean } = {}): string {
    if (isSystemTable(table)) throw new Error(SYSTEM_TABLES_READ_ONLY);
    checkUserTableName(table);
    return this.insertInto(table, value, true, !!opts.valuesDecoded);
  }

  systemInsert(table: string, value: Record<string, Value>): string {
    if (!isSystemTable(table)) throw new Error(`systemInsert is only for system tables, not "${table}"`);
    return this.insertInto(table, value, false);
  }

  private insertInto(table: string, value: Record<string, Value>, validate: boolean, valuesDecoded = false): string {
    checkUserFields(value, valuesDecoded);
    if (value._id !== undefined || value._creationTime !== undefined) {
      const field = value._id !== undefined ? "_id" : "_creationTime";
      throw new Error(`Field '${field}' is a system field and cannot be set on insert`);
    }
    const id = this.host.newDocumentId(table); // numbers the table if it is new
    // The user's fields without `undefined` ones (a copy unless the value is ours), then the system fields.
    const doc = valuesDecoded ? value : (dropUndefined(value) as Record<string, Value>);
    doc._id = id;
    doc._creationTime = this.host.nextCreationTime(this.beginTime);
    this.write(table, id, null, doc as Document, validate);
    return id;
  }

  patch(id: string, value: Record<string, Value | undefined>, opts: { table?: string } = {}): Document {
    const { table, existing } = this.existingForWrite("Update", id, opts.table, false);
    return this.patchExisting(table, existing, value, true);
  }

  systemPatch(id: string, value: Record<string, Value | undefined>): Document {
    const { table, existing } = this.existingForWrite("Update", id, undefined, true);
    return this.patchExisting(table, existing, value, false);
  }

  private patchExisting(
    table: string,
    existing: Document,
    value: Record<string, Value | undefined>,
    validate: boolean,
  ): Document {
    checkUserFields(value);
    this.checkSystemFieldsUnchanged(existing, value);
    const next: Record<string, Value> = { ...existing };
    for (const [k, v] of Object.entries(value)) {
      if (k === "_id" || k === "_creationTime") continue;
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    return this.write(table, existing._id, existing, next as Document, validate);
  }

  replace(id: string, value: Record<string, Value>, opts: { table?: string } = {}): Document {
    const { table, existing } = this.existingForWrite("Replace", id, opts.table, false);
    checkUserFields(value);
    this.checkSystemFieldsUnchanged(existing, value);
    const next = {
      ...dropUndefined(value),
      _id: existing._id,
      _creationTime: existing._creationTime,
    } as Document;
    return this.write(table, id, existing, next, true);
  }

  delete(id: string, opts: { table?: string } = {}): Document {
    const { table, existing } = this.existingForWrite("Delete", id, opts.table, false);
    this.write(table, id, existing, null, false);
    return existing;
  }

  systemDelete(id: string): Document {
    const { table, existing } = this.existingForWrite("Delete", id, undefined, true);
    this.write(table, id, existing, null, false);
    return existing;
  }

  private existingForWrite(
    kind: WriteKind,
    id: string,
    expectedTable: string | undefined,
    system: boolean,
  ): { table: string; existing: Document } {
    const table = this.host.tableNameOf(id);
    if (expectedTable !== undefined && table !== null && table !== expectedTable) {
      throw new Error(
        `Invalid argument \`id\` for \`${METHOD_OF[kind]}\`: expected to be an Id<"${expectedTable}">, got Id<"${table}"> instead.`,
      );
    }
    if (table !== null && isSystemTable(table) !== system) {
      throw new Error(system ? `Document ${id} is not in a system table` : SYSTEM_TABLES_READ_ONLY);
    }
    const existing = table === null ? null : this.pointRead(table, id);
    if (table === null || existing === null) throw new Error(`${kind} on nonexistent document ID ${id}`);
    return { table, existing };
  }

  private checkSystemFieldsUnchanged(existing: Document, value: Record<string, Value | undefined>): void {
    if (value._id !== undefined && value._id !== existing._id) {
      throw new Error(`Provided \`_id\` field ${String(value._id)} doesn't match the document ID ${existing._id}`);
    }
    if (value._creationTime !== undefined && value._creationTime !== existing._creationTime) {
      throw new Error(
        `Provided \`_creationTime\` field ${String(value._creationTime)} doesn't match the document's creation time ${existing._creationTime}`,
      );
    }
  }

  private write(table: string, id: string, before: Document | null, after: Document | null, validate: boolean): Document {
    if (this.finished) throw new Error("This transaction has already finished");
    let size = 0;
    if (after) {
      const measured = measureDocument(after);
      size = measured.size;
      if (measured.containsCommitTs) this.usesCommitTs = true;
      rememberDocumentSize(after, size);
      const validator = validate ? this.catalog.validatorOf(table) : null;
      if (validator) {
        this.validating.id = id;
        this.validating.table = table;
        const error = checkValue(after, validator, this.idChecks);
        if (error !== null) {
          throw new Error(
            `Failed to insert or update a document in table "${table}" because it does not match the schema: ${error}`,
          );
        }
      }
    }
    this.counters.write(size);
    let store = this.local.get(table);
    if (!store) {
      const base = this.snapshot.tables.get(table);
      store = base ? base.clone() : TableStore.empty(table, this.catalog.indexesOf(table), this.catalog.searchIndexesOf(table));
      this.local.set(table, store);
    }
    store.put(before ?? undefined, after);
    const pending = this.writes.get(id);
    if (pending) pending.after = after;
    else this.writes.set(id, { table, id, before, after });
    return (after ?? before)!;
  }

  // ---- Read and write sets, metrics, savepoints -----------------------------

  /** The read set in encoded-key form (for the database's own conflict checks). */
  keyRanges(): KeyRange[] {
    const out: KeyRange[] = [];
    for (const r of this.ranges) {
      const o = r.observed();
      if (o !== null) out.push({ index: r.index, start: o.start, end: o.end });
    }
    return out;
  }

  /** The private stores of the tables this transaction wrote (handed over at commit). */
  writtenTables(): ReadonlyMap<string, TableStore> {
    return this.local;
  }

  searchedTables(): ReadonlySet<string> {
    return this.searched;
  }

  readSet(): ReadSet {
    return {
      ranges: this.keyRanges().map((r) => ({
        index: r.index,
        start: keyToBytes(r.start),
        end: r.end === null ? null : keyToBytes(r.end),
      })),
      searchedTables: [...this.searched],
    };
  }

  writeSet(): WriteSet {
    const writes: DocumentWrite[] = [];
    for (const w of this.writes.values()) if (w.before !== null || w.after !== null) writes.push(w);
    return { writes };
  }

  metrics(): Record<string, { used: number; remaining: number }> {
    return this.counters.metrics();
  }

  savepoint(): number {
    const local = new Map<string, TableStore>();
    for (const [name, store] of this.local) local.set(name, store.clone());
    const writes = new Map<string, PendingWrite>();
    for (const [id, w] of this.writes) writes.set(id, { ...w });
    this.savepoints.push({ local, writes });
    return this.savepoints.length - 1;
  }

  rollbackTo(savepoint: number): void {
    const saved = this.savepoints[savepoint];
    if (!saved) throw new Error(`Unknown savepoint ${savepoint}`);
    this.savepoints.length = savepoint;
    this.local.clear();
    for (const [name, store] of saved.local) this.local.set(name, store);
    this.writes = saved.writes;
  }
}
