/**
 * Indexed read cost as the table grows: point reads (`db.get`) and short
 * index range reads (10 documents through a user index) at 1k, 10k, 100k and
 * 1M documents, with the ratio to the 1k row, and the time to load the table
 * from its commit log (what the server does on restart).
 *
 * How it is measured: each figure is the median over 15 rounds, run after
 * one full garbage collection once V8's helper threads have finished
 * sweeping, as main-thread wall time (hrtime) and as process CPU time
 * (`process.cpuUsage`, which also bills V8's helper threads). On an idle
 * machine the two agree; when they differ, the process was waiting for a core
 * (wall > cpu) or helper threads were busy (cpu > wall). Keys are random over
 * the whole table; `db.get` receives freshly made id strings, as a request's
 * arguments would be. "bare Map.get" does the same lookups in a plain
 * JavaScript Map of the same ids: the machine's own cost of a hash lookup
 * into that many entries, and so the floor under `db.get`; "get above
 * Map.get" is the database's own work per read.
 *
 * What stays and what grows: `db.get` does no tree descent at all. It hashes
 * the id into the table's shared id map (`DocumentVersions`), so its work is
 * the same at every size (the "get above Map.get" column). A range read does one B+ tree seek (O(log n)
 * comparisons of flat byte-string keys; "tree seek alone" times just that)
 * and then walks 10 adjacent leaf entries; "sorted-array search" is the
 * floor under that seek, a binary search over a plain sorted array of the
 * same key strings. What still grows from 1k to 1M is
 * the memory hierarchy: at 1k every node, key and document is in the CPU
 * caches; at 1M each seek comparison, the id map's bucket and every document
 * touched (each read is sized for the transaction's read limits) is a cache
 * miss. That cost per miss depends on the machine and on whoever else is
 * using its memory bandwidth, so the 1M ratios move with machine load.
 */
import type { BenchSuite } from "../run.ts";
import { collectGarbage, median } from "../stats.ts";
import { Database, encodeId, type Commit, type CommitLog, type Document, type SerializedQuery } from "../../src/sandbox/database/index.ts";
import { newInternalId } from "../../src/sandbox/database/ids.ts";
import { encodeValue } from "../../src/sandbox/database/values/indexKey.ts";

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const POINT_READS = 2_000;
const RANGE_READS = 500;
const RANGE_LENGTH = 10;
const ROUNDS = 15;
/** Pause after the full collection, for V8's helper threads to finish sweeping the heap. */
const SETTLE_MS = 500;
const BATCH = 10_000;
const START = 1_700_000_000_000;

/**
 * A commit log of `n` inserts into `docs`, 10,000 per commit. Documents go
 * through JSON as the persisted log's do, so their strings are flat ones
 * like those a restarted server reads back.
 */
function makeCommits(n: number): { commits: Commit[]; ids: string[] } {
  const ids: string[] = [];
  const commits: Commit[] = [];
  for (let b = 0; b < n; b += BATCH) {
    const writes = [];
    for (let i = b; i < Math.min(n, b + BATCH); i++) {
      const text = JSON.stringify({ _id: encodeId(10001, newInternalId(START)), _creationTime: START + i, key: i, body: `document ${i}` });
      const doc = JSON.parse(text) as Document;
      const id = doc._id;
      ids.push(id);
      writes.push({ table: "docs", id, before: null, after: doc });
    }
    commits.push({ ts: BigInt(b + 1), writes });
  }
  return { commits, ids };
}

/** Loads the table through the commit-log replay path the server uses at start-up. */
function loadDatabase(commits: Commit[]): Database {
  const log: CommitLog = { append: () => {}, load: () => commits, clear: () => {} };
  const db = new Database({ commitLog: log, now: () => START + commits.length * BATCH });
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
  return db;
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

/** CPU time (user + system) of the whole process in nanoseconds, including V8's helper threads. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** Deterministic pseudo-random sequence so every size does the same work. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Timing {
  /** Median over the rounds of main-thread wall time per operation (ns). */
  wallNs: number;
  /** Median over the rounds of process CPU time per operation (ns). */
  cpuNs: number;
}

/**
 * Runs `round` (which does `ops` operations) once to warm up, then does one
 * full garbage collection and waits for V8's helper threads to finish
 * sweeping, then runs it ROUNDS times (each after `prepare`) and returns the
 * medians. Interference from other processes or a stray collection moves
 * single rounds, not the median. (A collection before every round would be
 * followed by sweeping hundreds of MB on the helper threads during that
 * round, billing the collector's work to the reads.)
 */
async function timeRounds(ops: number, round: () => void, prepare: () => void = () => {}): Promise<Timing> {
  prepare();
  round(); // warm-up
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    prepare();
    const c0 = cpuNs();
    const t0 = process.hrtime.bigint();
    round();
    walls.push(Number(process.hrtime.bigint() - t0) / ops);
    cpus.push((cpuNs() - c0) / ops);
  }
  return { wallNs: median(walls), cpuNs: median(cpus) };
}

/**
 * Times `lookup` over POINT_READS random ids of `ids` per round, each a fresh
 * string made just before the round, as a request's arguments are: the id
 * strings of a million-row table sit all over the heap, and fetching one of
 * those would bill the benchmark's own array to the lookup. `lookup` returns
 * how many it found (all of them, or the benchmark fails).
 */
function timeLookups(ids: string[], what: string, lookup: (wanted: string[]) => number): Promise<Timing> {
  const rand = lcg(42);
  let wanted: string[] = [];
  return timeRounds(
    POINT_READS,
    () => {
      const found = lookup(wanted);
      if (found !== POINT_READS) throw new Error(`${what} found ${found} of ${POINT_READS}`);
    },
    () => {
      wanted = Array.from({ length: POINT_READS }, () => Buffer.from(ids[Math.floor(rand() * ids.length)], "latin1").toString("latin1"));
    },
  );
}

/** `db.get` of random documents, 500 per transaction. */
function measurePoints(db: Database, ids: string[]): Promise<Timing> {
  return timeLookups(ids, "point reads", (wanted) => {
    let found = 0;
    for (let done = 0; done < wanted.length; ) {
      const tx = db.begin();
      for (let i = 0; i < 500 && done < wanted.length; i++, done++) if (tx.get(wanted[done]) !== null) found++;
    }
    return found;
  });
}

/**
 * The floor under `db.get`: the same lookups (same sequence of fresh id
 * strings) in a plain JavaScript `Map` from each id to its document, reading
 * one field of the document found. No database work at all, only the hash
 * lookup and the memory it touches, so the growth of this column is the
 * machine's.
 */
function measureBareMap(db: Database, ids: string[]): Promise<Timing> {
  const map = new Map<string, Document>();
  const table = db.begin().table("docs")!;
  for (const id of ids) map.set(id, table.getById(id)!);
  return timeLookups(ids, "map lookups", (wanted) => {
    let found = 0;
    for (const id of wanted) if (map.get(id)?._creationTime !== undefined) found++;
    return found;
  });
}

/** Ten consecutive documents of `by_key` from a random start, 100 queries per transaction. */
function measureRanges(db: Database, n: number): Promise<Timing> {
  const rand = lcg(43);
  return timeRounds(RANGE_READS, () => {
    let rows = 0;
    for (let done = 0; done < RANGE_READS; ) {
      const tx = db.begin();
      for (let i = 0; i < 100 && done < RANGE_READS; i++, done++) {
        const q = tx.startQuery(rangeQuery(Math.floor(rand() * (n - RANGE_LENGTH))));
        while (!tx.nextInQuery(q).done) rows++;
        tx.closeQuery(q);
      }
    }
    if (rows !== RANGE_READS * RANGE_LENGTH) throw new Error(`range reads returned ${rows} rows, expected ${RANGE_READS * RANGE_LENGTH}`);
  });
}

/** The first step of every range read on its own: one seek into the `by_key` B+ tree at a random key. */
function measureSeek(db: Database, n: number): Promise<Timing> {
  const tree = db.begin().table("docs")!.index("by_key")!.tree;
  return timeSeeks(n, "tree seeks", (start) => !tree.entries(start).next().done);
}

/**
 * The floor under a tree seek: a binary search for the same start keys in a
 * plain sorted array of the index's own key strings (the very strings the
 * tree holds, where they lie in memory). No tree at all, only the
 * comparisons and the memory they touch, so the growth of this column is the
 * machine's.
 */
function measureSortedArraySearch(db: Database, n: number): Promise<Timing> {
  const keys = [...db.begin().table("docs")!.index("by_key")!.tree.keys()];
  return timeSeeks(n, "array searches", (start) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length;
  });
}

/** Times `seek` to POINT_READS random `by_key` start keys per round; each must find a key. */
function timeSeeks(n: number, what: string, seek: (start: string) => boolean): Promise<Timing> {
  const starts = Array.from({ length: n }, (_, i) => encodeValue(i));
  const rand = lcg(44);
  return timeRounds(POINT_READS, () => {
    let found = 0;
    for (let i = 0; i < POINT_READS; i++) if (seek(starts[Math.floor(rand() * n)])) found++;
    if (found !== POINT_READS) throw new Error(`${what} failed`);
  });
}

const suite: BenchSuite = {
  title: "Database: indexed read cost as the table grows",
  async run() {
    const rows: Array<{ n: number; point: Timing; bare: Timing; range: Timing; seek: Timing; array: Timing; loadMs: number }> = [];
    for (const n of SIZES) {
      const docs = makeCommits(n);
      collectGarbage();
      const t0 = cpuNs();
      const db = loadDatabase(docs.commits);
      const loadMs = (cpuNs() - t0) / 1e6;
      if (n === SIZES[0]) {
        // Warm-up pass so the first size is not billed for JIT compilation.
        await measurePoints(db, docs.ids);
        await measureRanges(db, n);
      }
      const point = await measurePoints(db, docs.ids);
      const bare = await measureBareMap(db, docs.ids);
      const range = await measureRanges(db, n);
      const seek = await measureSeek(db, n);
      rows.push({ n, loadMs, point, bare, range, seek, array: await measureSortedArraySearch(db, n) });
    }
    const base = rows[0];
    const us = (ns: number, w: number) => (ns / 1000).toFixed(2).padStart(w);
    const columns: Array<[string, (r: (typeof rows)[number]) => string]> = [
      ["documents", (r) => String(r.n)],
      ["get (µs)", (r) => us(r.point.wallNs, 0)],
      ["ratio", (r) => (r.point.wallNs / base.point.wallNs).toFixed(2)],
      ["get (µs cpu)", (r) => us(r.point.cpuNs, 0)],
      ["bare Map.get (µs)", (r) => us(r.bare.wallNs, 0)],
      ["get above Map.get (µs)", (r) => us(r.point.wallNs - r.bare.wallNs, 0)],
      [`range of ${RANGE_LENGTH} (µs)`, (r) => us(r.range.wallNs, 0)],
      ["ratio", (r) => (r.range.wallNs / base.range.wallNs).toFixed(2)],
      [`range (µs cpu)`, (r) => us(r.range.cpuNs, 0)],
      ["tree seek alone (µs)", (r) => us(r.seek.wallNs, 0)],
      ["sorted-array search (µs)", (r) => us(r.array.wallNs, 0)],
      ["load (ms cpu)", (r) => r.loadMs.toFixed(0)],
    ];
    console.log(columns.map(([h]) => h.padStart(10)).join(" | "));
    console.log(columns.map(([h]) => "-".repeat(Math.max(10, h.length))).join("-|-"));
    for (const r of rows) console.log(columns.map(([h, f]) => f(r).padStart(Math.max(10, h.length))).join(" | "));
  },
};

export default suite;
