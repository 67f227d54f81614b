/**
 * Point reads by `_id` in O(1): one hash map per table lineage (the chain of
 * published stores of one table), shared by every snapshot of it, mapping
 * each id to its document, or to a chain of versions while recent snapshots
 * may still see an older one.
 *
 * Every published store of the lineage has a sequence number `seq`; it sees
 * the newest version with a sequence number <= its own. Publishing a store
 * ("sealing") adds its private writes as versions with the next number.
 * Versions more than KEEP_SEQUENCES numbers old are settled: older versions
 * are dropped and a lone live version becomes the bare document again, so
 * a settled document is one map lookup away. Stores older than the settled
 * floor get `undefined` from `lookup` and read their own B+ tree instead,
 * which copy-on-write keeps exact for every snapshot.
 */
import type { Document } from "../types.ts";

/** How many sequence numbers back version chains stay complete (the database keeps 32 snapshots). */
const KEEP_SEQUENCES = 32;

class Version {
  constructor(
    readonly id: string,
    readonly seq: number,
    readonly doc: Document | null,
    public prev: Version | null,
  ) {}
}

export class DocumentVersions {
  private readonly byId = new Map<string, Document | Version>();
  private lastSeq = 0;
  /** Stores whose `seq` is below this must not use `lookup`. */
  private floor = 0;
  /** Versions to settle once the floor passes them, in sequence order. */
  private unsettled: Version[] = [];
  private unsettledStart = 0;

  /** A lineage whose only version (sequence number 0) holds `docs`. */
  static of(docs: Iterable<Document>): DocumentVersions {
    const versions = new DocumentVersions();
    for (const doc of docs) versions.byId.set(doc._id, doc);
    return versions;
  }

  /** The sequence number of the newest sealed store. */
  get latestSeq(): number {
    return this.lastSeq;
  }

  /**
   * The document `id` as a store with sequence number `seq` sees it: null when
   * absent, undefined when that store is older than what the map remembers.
   */
  lookup(id: string, seq: number): Document | null | undefined {
    if (seq < this.floor) return undefined;
    const entry = this.byId.get(id);
    if (entry === undefined) return null;
    if (!(entry instanceof Version)) return entry;
    for (let v: Version | null = entry; v !== null; v = v.prev) if (v.seq <= seq) return v.doc;
    return null;
  }

  /** Records the writes of the store sealed next; returns its sequence number. */
  seal(writes: ReadonlyMap<string, Document | null>): number {
    const seq = ++this.lastSeq;
    for (const [id, doc] of writes) {
      const current = this.byId.get(id);
      if (current === undefined && doc === null) continue;
      const prev = current === undefined ? null : current instanceof Version ? current : new Version(id, this.floor, current, null);
      const version = new Version(id, seq, doc, prev);
      this.byId.set(id, version);
      this.unsettled.push(version);
    }
    this.floor = Math.max(this.floor, seq - KEEP_SEQUENCES);
    this.settle();
    return seq;
  }

  /** Drops what no store at or above the floor can see. */
  private settle(): void {
    const list = this.unsettled;
    let i = this.unsettledStart;
    for (; i < list.length && list[i].seq <= this.floor; i++) {
      const version = list[i];
      version.prev = null;
      if (this.byId.get(version.id) !== version) continue;
      if (version.doc === null) this.byId.delete(version.id);
      else this.byId.set(version.id, version.doc);
    }
    if (i > 1024 && i * 2 > list.length) {
      this.unsettled = list.slice(i);
      i = 0;
    }
    this.unsettledStart = i;
  }
}
