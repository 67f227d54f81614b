/**
 * Walks one interval of one index in ascending or descending key order,
 * reading the B+ tree in growing batches. The walk continues where the last
 * batch stopped while the table is unchanged; if the transaction wrote to the
 * table in between, it seeks again after the last key handed out. Cost:
 * O(log n) per seek plus O(1) per document. Registers itself as an observed
 * range in the read set.
 */
import type { TableStore } from "../indexes/tableStore.ts";
import type { Document } from "../types.ts";
import { keySuccessor } from "../values/indexKey.ts";
import type { KeyInterval } from "./indexRange.ts";
import type { ObservedRange, ReadView } from "./readView.ts";

const FIRST_BATCH = 8;
const MAX_BATCH = 256;

export class IndexScan implements ObservedRange {
  /** Key of the last document handed out, or null before the first. */
  private last: string | null = null;
  private exhausted = false;
  private buffer: Array<[string, Document]> = [];
  private bufferPos = 0;
  private batchSize = FIRST_BATCH;

  constructor(
    private readonly view: ReadView,
    readonly table: string,
    private readonly indexName: string,
    private readonly interval: KeyInterval,
    private readonly order: "asc" | "desc",
  ) {
    view.addRange(this);
  }

  get index(): string {
    return `${this.table}.${this.indexName}`;
  }

  /** The key of the last document returned (for cursors). */
  get lastKey(): string | null {
    return this.last;
  }

  get isExhausted(): boolean {
    return this.exhausted;
  }

  observed(): { start: string; end: string | null } | null {
    const { start, end } = this.interval;
    if (this.exhausted) return { start, end };
    if (this.last === null) return null;
    return this.order === "asc" ? { start, end: keySuccessor(this.last) } : { start: this.last, end };
  }

  next(): Document | null {
    if (this.bufferPos >= this.buffer.length) {
      if (this.exhausted) return null;
      this.fill();
      if (this.bufferPos >= this.buffer.length) return null;
    }
    const [key, doc] = this.buffer[this.bufferPos++];
    this.last = key;
    if (this.bufferPos >= this.buffer.length && this.pendingExhaust) this.exhausted = true;
    this.view.documentRead(doc);
    return doc;
  }

  private pendingExhaust = false;
  /** The tree walk of the last batch, reusable while its store has not been written since. */
  private walk: { store: TableStore; version: number; entries: Iterator<[string, Document]> } | null = null;
  /** An entry the last batch read past its end, to start the next batch with. */
  private lookahead: [string, Document] | null = null;

  private fill(): void {
    this.buffer = [];
    this.bufferPos = 0;
    const store = this.view.table(this.table);
    const tree = store?.index(this.indexName)?.tree;
    if (!store || !tree) {
      this.exhausted = true;
      return;
    }
    const { start, end } = this.interval;
    const asc = this.order === "asc";
    if (this.walk === null || this.walk.store !== store || this.walk.version !== store.version) {
      // Seek (again): the first batch, or the transaction wrote to the table since the last one.
      this.lookahead = null;
      const entries = asc
        ? tree.entries(this.last === null ? start : keySuccessor(this.last))
        : tree.entriesReversed((this.last ?? end) ?? undefined);
      this.walk = { store, version: store.version, entries };
    }
    const entries = this.walk.entries;
    // Descending walks start at the largest key <= their bound, which is excluded.
    const upper = asc ? null : this.last === null ? end : this.last;
    let reachedEnd = true;
    for (;;) {
      let entry = this.lookahead;
      this.lookahead = null;
      if (entry === null) {
        const step = entries.next();
        if (step.done) break;
        entry = step.value;
      }
      const key = entry[0];
      if (asc) {
        if (end !== null && key >= end) break;
      } else {
        if (upper !== null && key >= upper) continue;
        if (key < start) break;
      }
      if (this.buffer.length >= this.batchSize) {
        this.lookahead = entry;
        reachedEnd = false;
        break;
      }
      this.buffer.push(entry);
    }
    this.batchSize = Math.min(MAX_BATCH, this.batchSize * 2);
    if (reachedEnd) {
      this.walk = null;
      if (this.buffer.length === 0) this.exhausted = true;
      else this.pendingExhaust = true;
    }
  }
}
