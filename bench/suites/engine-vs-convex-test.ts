/**
 * The sandbox engine against `convex-test` on the same functions
 * (tests/fixtures/bench-workload) and the same workload, in one run:
 * bulk insert, indexed point reads, indexed range scans, filtered scans and
 * paginating through every document. Prints per-operation times and ratios.
 *
 * Fair to both sides: each backend first runs the whole workload, smaller
 * (1,000 documents, a tenth of the reads), on a throwaway instance (module
 * loading, JIT of every path it will take); then each is measured ROUNDS
 * times on fresh instances, alternating which goes first, with a full garbage
 * collection before every measurement. Each row reports the median of its
 * rounds.
 *
 * What the bulk-insert row weighs: convex-test keeps each table in a plain
 * map and scans it for every read, so an insert costs it one map write; the
 * engine maintains every index at once (here four B+ trees: `by_id`,
 * `by_creation_time` and the schema's two), which is what makes its reads
 * 20-30x faster. Each fresh engine deployment also runs the functions in a
 * new JavaScript context, whose code the JIT compiles anew, while
 * convex-test's functions stay compiled from its warm-up.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { anyApi } from "convex/server";
import { convexTest } from "convex-test";
import type { BenchSuite } from "../run.ts";
import { createDeployment, readFunctionsFolder } from "../../src/sandbox/index.ts";

const WORKLOAD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/bench-workload");
const ROUNDS = 3;
const BATCH = 500;
const PAGE_SIZE = 100;
const RANGE_WIDTH = 50;
const GROUPS = ["red", "green", "blue", "amber"];

/** The measured workload's size; the warm-up runs the same workload at `WARM_UP`. */
interface Scale {
  docs: number;
  pointReads: number;
  rangeScans: number;
  filteredScans: number;
}
const MEASURED: Scale = { docs: 10_000, pointReads: 1_000, rangeScans: 200, filteredScans: 10 };
const WARM_UP: Scale = { docs: 1_000, pointReads: 100, rangeScans: 20, filteredScans: 1 };

/** The two backends behind one calling convention. */
interface Backend {
  name: string;
  query(fn: string, args: Record<string, unknown>): Promise<unknown>;
  mutation(fn: string, args: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

async function engineBackend(): Promise<Backend> {
  const deployment = await createDeployment({
    files: readFunctionsFolder(WORKLOAD_DIR),
    // A filtered scan reads every document; give it room on a slow machine.
    limits: { queryMutationTimeoutMs: 10_000 },
  });
  const call = async (kind: "runQuery" | "runMutation", path: string, args: Record<string, unknown>) => {
    const outcome = await deployment[kind]({ path, args: args as never });
    if (outcome.status !== "success") throw new Error(`${path}: ${outcome.errorMessage}`);
    return outcome.value;
  };
  return {
    name: "engine",
    query: (fn, args) => call("runQuery", fn, args),
    mutation: (fn, args) => call("runMutation", fn, args),
    close: () => deployment.dispose(),
  };
}

async function convexTestBackend(): Promise<Backend> {
  // convex-test finds the functions root through the `_generated` folder, so list it too.
  const files = [...Object.keys(readFunctionsFolder(WORKLOAD_DIR)), "_generated/api.js", "_generated/server.js"];
  const modules = Object.fromEntries(
    files.map((f) => [`./workload/${f}`, () => import(pathToFileURL(join(WORKLOAD_DIR, f)).href)]),
  );
  const schema = (await import(pathToFileURL(join(WORKLOAD_DIR, "schema.ts")).href)).default;
  const t = convexTest(schema, modules);
  const ref = (path: string) => {
    const [module, name] = path.split(":");
    return (anyApi as any)[module][name];
  };
  return {
    name: "convex-test",
    query: (fn, args) => t.query(ref(fn), args),
    mutation: (fn, args) => t.mutation(ref(fn), args),
    close: async () => {},
  };
}

interface Operation {
  name: string;
  run(b: Backend, s: Scale): Promise<void>;
}

const operations: Operation[] = [
  {
    name: `bulk insert ${MEASURED.docs} docs (${BATCH}/mutation)`,
    async run(b, s) {
      for (let start = 0; start < s.docs; start += BATCH) {
        const items = Array.from({ length: BATCH }, (_, i) => {
          const key = start + i;
          return { key, group: GROUPS[key % GROUPS.length], value: (key * 7919) % 1000 };
        });
        await b.mutation("items:insertMany", { items });
      }
    },
  },
  {
    name: `indexed point reads x${MEASURED.pointReads}`,
    async run(b, s) {
      for (let i = 0; i < s.pointReads; i++) {
        const key = (i * 7) % s.docs;
        const value = await b.query("items:byKey", { key });
        if (value !== (key * 7919) % 1000) throw new Error(`wrong value for key ${key}`);
      }
    },
  },
  {
    name: `indexed range scans x${MEASURED.rangeScans} (${RANGE_WIDTH} docs)`,
    async run(b, s) {
      for (let i = 0; i < s.rangeScans; i++) {
        const from = (i * 37) % (s.docs - RANGE_WIDTH);
        const count = await b.query("items:keyRange", { from, to: from + RANGE_WIDTH });
        if (count !== RANGE_WIDTH) throw new Error(`range returned ${count}`);
      }
    },
  },
  {
    name: `filtered full scans x${MEASURED.filteredScans}`,
    async run(b, s) {
      for (let i = 0; i < s.filteredScans; i++) {
        await b.query("items:filtered", { group: GROUPS[i % GROUPS.length], min: 500 });
      }
    },
  },
  {
    name: `paginate through ${MEASURED.docs} docs (${PAGE_SIZE}/page)`,
    async run(b, s) {
      let cursor: string | null = null;
      let total = 0;
      for (;;) {
        const page = (await b.query("items:page", { paginationOpts: { numItems: PAGE_SIZE, cursor } })) as {
          count: number;
          isDone: boolean;
          continueCursor: string;
        };
        total += page.count;
        cursor = page.continueCursor;
        if (page.isDone) break;
      }
      if (total !== s.docs) throw new Error(`paginated ${total} documents`);
    },
  },
];

/** A full garbage collection before each measurement, so one backend's garbage is not billed to the other. */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Runs the whole workload on a fresh instance of one backend; wall-clock ms per operation. */
async function runWorkload(create: () => Promise<Backend>, scale: Scale): Promise<number[]> {
  const backend = await create();
  collectGarbage();
  const times: number[] = [];
  try {
    for (const op of operations) {
      const started = performance.now();
      await op.run(backend, scale);
      times.push(performance.now() - started);
    }
  } finally {
    await backend.close();
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const suite: BenchSuite = {
  title: "Engine vs convex-test: same functions, same workload",
  async run() {
    const backends = [engineBackend, convexTestBackend];
    // Warm-up: the whole workload, smaller, on throwaway instances of both.
    for (const create of backends) await runWorkload(create, WARM_UP);

    const rounds: number[][][] = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which backend runs first, so neither always inherits the other's leftovers.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const which of order) rounds[which].push(await runWorkload(backends[which], MEASURED));
    }
    const [engine, reference] = rounds.map((times) => operations.map((_, i) => median(times.map((t) => t[i]))));

    const rows = operations.map((op, i) => ({
      operation: op.name,
      "engine ms": engine[i].toFixed(1),
      "convex-test ms": reference[i].toFixed(1),
      "engine / convex-test": (engine[i] / reference[i]).toFixed(2),
    }));
    console.log(`Median of ${ROUNDS} rounds per backend, after a warm-up on ${WARM_UP.docs} documents.`);
    console.table(rows);
    const slower = rows.filter((r) => Number(r["engine / convex-test"]) > 1).map((r) => r.operation);
    console.log(
      slower.length === 0
        ? "The engine is at least as fast as convex-test on every operation."
        : `Slower than convex-test on: ${slower.join("; ")}`,
    );
  },
};

export default suite;
