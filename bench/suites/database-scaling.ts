/**
 * Indexed read cost as the table grows: point reads (`db.get`) and short
 * index range reads (10 documents through a user index) at 1k, 10k, 100k and
 * 1M documents, as CPU time per operation and as a ratio to the 1k row. B+ tree
 * indexes make both O(log n + k), so the ratios should stay near 1. The
 * "tree.get alone" column times the same lookups directly on the B+ tree:
 * whatever growth it shows comes from the memory hierarchy (a 1M-entry tree
 * does not fit in the CPU caches), not from the database layer.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { BenchSuite } from "../run.ts";
import { Database, encodeId, type Commit, type CommitLog, type Document, type SerializedQuery } from "../../src/sandbox/database/index.ts";
import { newInternalId } from "../../src/sandbox/database/ids.ts";
import { idKey } from "../../src/sandbox/database/indexes/tableStore.ts";

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const POINT_READS = 6_000;
const RANGE_READS = 2_000;
const RANGE_LENGTH = 10;
const BATCH = 10_000;

/** Builds the table through the commit-log replay path the server uses at start-up. */
function buildDatabase(n: number): { db: Database; ids: string[] } {
  const ids: string[] = [];
  const commits: Commit[] = [];
  const start = 1_700_000_000_000;
  for (let b = 0; b < n; b += BATCH) {
    const writes = [];
    for (let i = b; i < Math.min(n, b + BATCH); i++) {
      const id = encodeId(10001, newInternalId(start));
      ids.push(id);
      const doc = { _id: id, _creationTime: start + i, key: i, body: `document ${i}` } as Document;
      writes.push({ table: "docs", id, before: null, after: doc });
    }
    commits.push({ ts: BigInt(b + 1), writes });
  }
  const log: CommitLog = { append: () => {}, load: () => commits, clear: () => {} };
  const db = new Database({ commitLog: log, now: () => start + n });
  db.setSchema({
    tables: [
      {
        tableName: "docs",
        indexes: [{ indexDescriptor: "by_key", fields: ["key"] }],
        searchIndexes: [],
        documentType: { type: "any" },
      },
    ],
    schemaValidation: true,
  });
  db.load();
  return { db, ids };
}

function rangeQuery(from: number): SerializedQuery {
  return {
    source: {
      type: "IndexRange",
      indexName: "docs.by_key",
      range: [
        { type: "Gte", fieldPath: "key", value: from },
        { type: "Lt", fieldPath: "key", value: from + RANGE_LENGTH },
      ],
      order: "asc",
    },
    operators: [],
  };
}

/** A full garbage collection before each timed section, so leftovers from loading are not billed to reads. */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** CPU time (user + system) in nanoseconds: robust against other processes sharing the machine. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** Deterministic pseudo-random sequence so every size does the same work. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** The same lookups straight on the `by_id` B+ tree: the floor set by the tree and the memory it lives in. */
function measureRawTree(db: Database, ids: string[]): number {
  const tree = db.begin().table("docs")!.index("by_id")!.tree;
  const keys = ids.map(idKey);
  const rand = lcg(42);
  const run = () => {
    const t0 = cpuNs();
    let found = 0;
    for (let i = 0; i < POINT_READS; i++) if (tree.get(keys[Math.floor(rand() * keys.length)]) !== undefined) found++;
    if (found !== POINT_READS) throw new Error("raw tree lookups failed");
    return (cpuNs() - t0) / POINT_READS;
  };
  run();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    best = Math.min(best, run());
  }
  return best;
}

function measure(db: Database, ids: string[]): { pointNs: number; rangeNs: number } {
  const rand = lcg(42);
  const n = ids.length;
  // Warm up, then time. A fresh transaction per batch keeps the read limits out of the way.
  const timePoints = (count: number) => {
    let found = 0;
    const t0 = cpuNs();
    for (let done = 0; done < count; ) {
      const tx = db.begin();
      for (let i = 0; i < 1000 && done < count; i++, done++) {
        if (tx.get(ids[Math.floor(rand() * n)]) !== null) found++;
      }
    }
    const elapsed = cpuNs() - t0;
    if (found !== count) throw new Error(`point reads found ${found} of ${count}`);
    return elapsed / count;
  };
  const timeRanges = (count: number) => {
    let rows = 0;
    const t0 = cpuNs();
    for (let done = 0; done < count; ) {
      const tx = db.begin();
      for (let i = 0; i < 500 && done < count; i++, done++) {
        const q = tx.startQuery(rangeQuery(Math.floor(rand() * (n - RANGE_LENGTH))));
        while (!tx.nextInQuery(q).done) rows++;
        tx.closeQuery(q);
      }
    }
    const elapsed = cpuNs() - t0;
    if (rows !== count * RANGE_LENGTH) throw new Error(`range reads returned ${rows} rows, expected ${count * RANGE_LENGTH}`);
    return elapsed / count;
  };
  timePoints(POINT_READS / 4);
  timeRanges(RANGE_READS / 4);
  // Best of three runs: the machine may be shared, and interference only ever adds time.
  let pointNs = Infinity;
  let rangeNs = Infinity;
  for (let run = 0; run < 3; run++) {
    collectGarbage();
    pointNs = Math.min(pointNs, timePoints(POINT_READS));
    collectGarbage();
    rangeNs = Math.min(rangeNs, timeRanges(RANGE_READS));
  }
  return { pointNs, rangeNs };
}

const suite: BenchSuite = {
  title: "Database: indexed read cost as the table grows",
  async run() {
    const rows: Array<{ n: number; pointNs: number; rangeNs: number; rawNs: number; buildMs: number }> = [];
    for (const n of SIZES) {
      const t0 = cpuNs();
      const { db, ids } = buildDatabase(n);
      const buildMs = (cpuNs() - t0) / 1e6;
      if (n === SIZES[0]) measure(db, ids); // warm-up pass so the first size is not billed for JIT compilation
      rows.push({ n, buildMs, ...measure(db, ids), rawNs: measureRawTree(db, ids) });
    }
    const base = rows[0];
    const fmt = (x: number, w: number) => x.toFixed(2).padStart(w);
    console.log(
      `${"documents".padStart(10)} | ${"get (µs cpu)".padStart(12)} | ${"ratio".padStart(6)} | ${`range of ${RANGE_LENGTH} (µs cpu)`.padStart(21)} | ${"ratio".padStart(6)} | ${"tree.get alone (µs)".padStart(19)} | ${"get minus tree.get".padStart(18)} | ${"load (ms cpu)".padStart(13)}`,
    );
    console.log(`${"-".repeat(10)}-|-${"-".repeat(12)}-|-${"-".repeat(6)}-|-${"-".repeat(21)}-|-${"-".repeat(6)}-|-${"-".repeat(19)}-|-${"-".repeat(18)}-|-${"-".repeat(13)}`);
    for (const r of rows) {
      console.log(
        `${String(r.n).padStart(10)} | ${fmt(r.pointNs / 1000, 12)} | ${fmt(r.pointNs / base.pointNs, 6)} | ${fmt(r.rangeNs / 1000, 21)} | ${fmt(r.rangeNs / base.rangeNs, 6)} | ${fmt(r.rawNs / 1000, 19)} | ${fmt((r.pointNs - r.rawNs) / 1000, 18)} | ${r.buildMs.toFixed(0).padStart(13)}`,
      );
    }
  },
};

export default suite;
