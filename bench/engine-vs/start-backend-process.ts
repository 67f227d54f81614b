/**
 * Starting, driving and stopping a backend-process.ts child for the
 * engine-vs-convex-test benchmark.
 */
import { fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), "backend-process.ts");

export interface BackendProcess {
  name: string;
  /** The workload's operations, in order. */
  operations: string[];
  warmUpDocs: number;
  /** Runs the whole workload on a fresh instance; ms per operation. */
  run(scale: "warm-up" | "measured"): Promise<number[]>;
  stop(): Promise<void>;
}

type Reply = { ready: true; operations: string[]; warmUpDocs: number } | { times: number[] } | { error: string };

export async function startBackendProcess(name: string): Promise<BackendProcess> {
  const child = fork(ENTRY, [name], { execArgv: ["--no-node-snapshot", "--import", "tsx"], stdio: "inherit" });
  const waiting: Array<(reply: Reply) => void> = [];
  child.on("message", (reply: Reply) => waiting.shift()?.(reply));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A process that dies mid-run fails the reply it owes instead of leaving the suite waiting.
  const died = exited.then((code) => {
    throw new Error(`The ${name} benchmark process exited with ${code}`);
  });
  died.catch(() => {});
  const nextReply = () => Promise.race([new Promise<Reply>((resolve) => waiting.push(resolve)), died]);

  const ready = await nextReply();
  if (!("ready" in ready)) throw new Error(`The ${name} benchmark process did not start`);
  return {
    name,
    operations: ready.operations,
    warmUpDocs: ready.warmUpDocs,
    async run(scale) {
      const reply = nextReply();
      child.send({ scale });
      const answer = await reply;
      if ("error" in answer) throw new Error(`${name}: ${answer.error}`);
      if (!("times" in answer)) throw new Error(`${name}: unexpected reply`);
      return answer.times;
    },
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
