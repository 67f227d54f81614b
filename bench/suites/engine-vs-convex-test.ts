/**
 * The sandbox engine against `convex-test` on the same functions
 * (tests/fixtures/bench-workload) and the same workload, in one run:
 * bulk insert, indexed point reads, indexed range scans, filtered scans and
 * paginating through every document (bench/engine-vs/workload.ts). Prints
 * per-operation times and ratios.
 *
 * Fair to both sides:
 * - Each backend runs in its own Node process, started the same way, and
 *   only one of them works at a time. convex-test keeps its state in
 *   `AsyncLocalStorage`, and once that is used, Node runs a promise hook for
 *   every promise in the process: sharing a process with convex-test made
 *   the engine's bulk insert about 25% slower (17-42% across runs) than it
 *   is anywhere else. The sandbox server, too, runs the engine in a process
 *   of its own.
 * - Each backend first runs the whole workload, smaller (1,000 documents, a
 *   tenth of the reads), on a throwaway instance (module loading, JIT of
 *   every path it will take). Then each is measured ROUNDS times on fresh
 *   instances, alternating which goes first, so a slower stretch of the
 *   machine falls on both; each process does a full garbage collection
 *   before every measurement. Each row reports the median of its rounds.
 *
 * What the bulk-insert row weighs: convex-test keeps each table in a plain
 * map and scans it for every read, so an insert costs it one map write; the
 * engine maintains every index at once (here three B+ trees:
 * `by_creation_time` and the schema's two; `by_id` is built on first use),
 * which is what makes its reads 20-30x faster. Each fresh engine deployment
 * also runs the functions in a new JavaScript context, whose code the JIT
 * compiles anew, while convex-test's functions stay compiled from its
 * warm-up.
 */
import type { BenchSuite } from "../run.ts";
import { median } from "../stats.ts";
import { startBackendProcess, type BackendProcess } from "../engine-vs/start-backend-process.ts";

const ROUNDS = 5;

const suite: BenchSuite = {
  title: "Engine vs convex-test: same functions, same workload",
  async run() {
    const backends: BackendProcess[] = [];
    const rounds: number[][][] = [[], []];
    try {
      for (const name of ["engine", "convex-test"]) backends.push(await startBackendProcess(name));
      // Warm-up: the whole workload, smaller, on throwaway instances of both.
      for (const backend of backends) await backend.run("warm-up");
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which backend runs first, so neither always inherits the other's leftovers.
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const which of order) rounds[which].push(await backends[which].run("measured"));
      }
    } finally {
      await Promise.all(backends.map((backend) => backend.stop()));
    }
    const operations = backends[0].operations;
    const [engine, reference] = rounds.map((times) => operations.map((_, i) => median(times.map((t) => t[i]))));

    const rows = operations.map((operation, i) => ({
      operation,
      "engine ms": engine[i].toFixed(1),
      "convex-test ms": reference[i].toFixed(1),
      "engine / convex-test": (engine[i] / reference[i]).toFixed(2),
    }));
    console.log(`Median of ${ROUNDS} rounds per backend, after a warm-up on ${backends[0].warmUpDocs} documents.`);
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
