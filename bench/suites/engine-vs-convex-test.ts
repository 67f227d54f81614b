/**
 * The sandbox engine against `convex-test` on the same functions
 * (tests/fixtures/bench-workload) and the same workload, in one run:
 * bulk insert, indexed point reads, indexed range scans, filtered scans and
 * paginating through every document. Prints per-operation times and ratios.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { anyApi } from "convex/server";
import { convexTest } from "convex-test";
import type { BenchSuite } from "../run.ts";
import { createDeployment, readFunctionsFolder } from "../../src/sandbox/index.ts";

const WORKLOAD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/bench-workload");
const DOCS = 10_000;
const BATCH = 500;
const POINT_READS = 1_000;
const RANGE_SCANS = 200;
const RANGE_WIDTH = 50;
const FILTERED_SCANS = 10;
const PAGE_SIZE = 100;
const GROUPS = ["red", "green", "blue", "amber"];

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
  run(b: Backend): Promise<void>;
}

const operations: Operation[] = [
  {
    name: `bulk insert ${DOCS} docs (${BATCH}/mutation)`,
    async run(b) {
      for (let start = 0; start < DOCS; start += BATCH) {
        const items = Array.from({ length: BATCH }, (_, i) => {
          const key = start + i;
          return { key, group: GROUPS[key % GROUPS.length], value: (key * 7919) % 1000 };
        });
        await b.mutation("items:insertMany", { items });
      }
    },
  },
  {
    name: `indexed point reads x${POINT_READS}`,
    async run(b) {
      for (let i = 0; i < POINT_READS; i++) {
        const key = (i * 7) % DOCS;
        const value = await b.query("items:byKey", { key });
        if (value !== (key * 7919) % 1000) throw new Error(`wrong value for key ${key}`);
      }
    },
  },
  {
    name: `indexed range scans x${RANGE_SCANS} (${RANGE_WIDTH} docs)`,
    async run(b) {
      for (let i = 0; i < RANGE_SCANS; i++) {
        const from = (i * 37) % (DOCS - RANGE_WIDTH);
        const count = await b.query("items:keyRange", { from, to: from + RANGE_WIDTH });
        if (count !== RANGE_WIDTH) throw new Error(`range returned ${count}`);
      }
    },
  },
  {
    name: `filtered full scans x${FILTERED_SCANS}`,
    async run(b) {
      for (let i = 0; i < FILTERED_SCANS; i++) {
        await b.query("items:filtered", { group: GROUPS[i % GROUPS.length], min: 500 });
      }
    },
  },
  {
    name: `paginate through ${DOCS} docs (${PAGE_SIZE}/page)`,
    async run(b) {
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
      if (total !== DOCS) throw new Error(`paginated ${total} documents`);
    },
  },
];

async function measure(backend: Backend): Promise<number[]> {
  const times: number[] = [];
  for (const op of operations) {
    const started = performance.now();
    await op.run(backend);
    times.push(performance.now() - started);
  }
  await backend.close();
  return times;
}

const suite: BenchSuite = {
  title: "Engine vs convex-test: same functions, same workload",
  async run() {
    // Warm both up (module loading, JIT) on a throwaway instance before measuring.
    const warm = [await engineBackend(), await convexTestBackend()];
    for (const b of warm) {
      await b.mutation("items:insertMany", { items: [{ key: 1, group: "red", value: 1 }] });
      await b.query("items:byKey", { key: 1 });
      await b.close();
    }
    const engine = await measure(await engineBackend());
    const reference = await measure(await convexTestBackend());

    const rows = operations.map((op, i) => ({
      operation: op.name,
      "engine ms": engine[i].toFixed(1),
      "convex-test ms": reference[i].toFixed(1),
      "engine / convex-test": (engine[i] / reference[i]).toFixed(2),
    }));
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
