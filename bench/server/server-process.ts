/**
 * Starting, asking and stopping a `sandbox-server-process.ts` child for the
 * server benchmarks. Extra Node flags for the child (e.g. `--cpu-prof
 * --cpu-prof-dir=prof`) come from the `BENCH_SERVER_NODE_OPTIONS`
 * environment variable.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), "sandbox-server-process.ts");

export interface ServerProcess {
  cloudUrl: string;
  pid: number;
  /** The server process's resident set size in bytes. */
  rss(): Promise<number>;
  /** The server process's CPU time so far (user + system), in ms. */
  cpuMs(): Promise<number>;
  /** Stops the server and waits for the process to exit. */
  close(): Promise<void>;
}

export function startServerProcess(): Promise<ServerProcess> {
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(/\s+/).filter((s) => s.length > 0);
  const child = spawn(process.execPath, ["--no-node-snapshot", ...extra, "--import", "tsx", ENTRY], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting: Array<(line: string) => void> = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const ask = async (command: string) => {
    const answer = nextLine();
    child.stdin!.write(command + "\n");
    return JSON.parse(await answer) as Record<string, number>;
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The benchmark server process exited with ${code}`)));
    void nextLine().then((line) => {
      const { cloudUrl, pid } = JSON.parse(line) as { cloudUrl: string; pid: number };
      resolve({
        cloudUrl,
        pid,
        async rss() {
          return (await ask("rss")).rss;
        },
        async cpuMs() {
          return (await ask("cpu")).cpuMicros / 1000;
        },
        async close() {
          stopChild(child);
          await exited;
        },
      });
    });
  });
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin!.end("exit\n");
  // A server that does not stop within a few seconds is ended by signal.
  setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
}
