/**
 * The workload of the engine-vs-convex-test benchmark and the two backends
 * it runs on: bulk insert, indexed point reads, indexed range scans, filtered
 * scans and paginating through every document, on the same functions
 * (tests/fixtures/bench-workload). Each backend runs in its own process
 * (backend-process.ts); this module is what that process runs.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { anyApi } from "convex/server";
import { convexTest } from "convex-test";
import { createDeployment, readFunctionsFolder } from "../../src/sandbox/index.ts";
import { collectGarbage } from "../stats.ts";

const WORKLOAD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/bench-workload");
const BATCH = 500;
const PAGE_SIZE = 100;
const RANGE_WIDTH = 50;
const GROUPS = ["red", "green", "blue", "amber"];

/** The measured workload's size; the warm-up runs the same workload at `WARM_UP`. */
export interface Scale {
  docs: number;
  pointReads: number;
  rangeScans: number;
  filteredScans: number;
}
export const MEASURED: Scale = { docs: 10_000, pointReads: 1_000, rangeScans: 200, filteredScans: 10 };
export const WARM_UP: Scale = { docs: 1_000, pointReads: 100, rangeScans: 20, filteredScans: 1 };

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

export const operations: Operation[] = [
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

/** Runs the whole workload on a fresh instance of one backend; wall-clock ms per operation. */
export async function runWorkload(create: () => Promise<Backend>, scale: Scale): Promise<number[]> {
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

/** The backends by name, as the suite starts their processes. */
export const BACKENDS = { engine: engineBackend, "convex-test": convexTestBackend } as const;
export type BackendName = keyof typeof BACKENDS;
