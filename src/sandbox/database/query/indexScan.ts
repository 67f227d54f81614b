/**
 * Walks one interval of one index in ascending or descending key order,
 * reading the B+ tree in small batches (re-seeking after each batch, so the
 * transaction may write between reads). Cost: O(log n) per batch plus O(1)
 * per document. Registers itself as an observed range in the read set.
 */
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

  private fill(): void {
    this.buffer = [];
    this.bufferPos = 0;
    const tree = this.view.table(this.table)?.index(this.indexName)?.tree;
    if (!tree) {
      this.exhausted = true;
      return;
    }
    const { start, end } = this.interval;
    let reachedEnd = true;
    if (this.order === "asc") {
      const from = this.last === null ? start : keySuccessor(this.last);
      for (const [key, doc] of tree.entries(from)) {
        if (end !== null && key >= end) break;
        if (this.buffer.length >= this.batchSize) {
          reachedEnd = false;
          break;
        }
        this.buffer.push([key, doc]);
      }
    } else {
      const from = this.last === null ? end : this.last;
      for (const [key, doc] of tree.entriesReversed(from ?? undefined)) {
        if (from !== null && key >= from) continue;
        if (key < start) break;
        if (this.buffer.length >= this.batchSize) {
          reachedEnd = false;
          break;
        }
        this.buffer.push([key, doc]);
      }
    }
    this.batchSize = Math.min(MAX_BATCH, this.batchSize * 2);
    if (reachedEnd) {
      if (this.buffer.length === 0) this.exhausted = true;
      else this.pendingExhaust = true;
    }
  }
}
