/**
 * One backend of the engine-vs-convex-test benchmark in its own process
 * (started by start-backend-process.ts with the backend's name as argument).
 * On `{ scale: "warm-up" | "measured" }` over IPC it runs the whole workload
 * on a fresh instance and replies `{ times }` (ms per operation), or
 * `{ error }`. It says `{ ready, operations, warmUpDocs }` once loaded.
 */
import { BACKENDS, MEASURED, operations, runWorkload, WARM_UP, type BackendName } from "./workload.ts";

const name = process.argv[2] as BackendName;
const create = BACKENDS[name];
if (!create) throw new Error(`Unknown backend ${name}`);

process.on("message", (message: { scale: "warm-up" | "measured" }) => {
  const scale = message.scale === "warm-up" ? WARM_UP : MEASURED;
  runWorkload(create, scale).then(
    (times) => process.send!({ times }),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
// Stop with the parent.
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true, operations: operations.map((op) => op.name), warmUpDocs: WARM_UP.docs });
