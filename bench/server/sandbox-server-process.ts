/**
 * A sandbox server in its own process for the server benchmarks, as
 * `npm run sandbox` runs one: serves the counter app on 127.0.0.1 ephemeral
 * ports with data in memory and prints `{ cloudUrl, pid }` as one JSON line.
 *
 * Its stdin is a line-based control channel: `rss` prints
 * `{ rss: <bytes> }` (this process's resident set, isolates included);
 * `cpu` prints `{ cpuMicros }` (user + system CPU time of this process);
 * `exit` (or stdin closing) stops the server and exits normally, so that
 * `--cpu-prof` gets to write its profile.
 */
import { createInterface } from "node:readline";
import { startSandboxServer } from "../../src/sandbox/server/index.ts";
import { COUNTER_FILES } from "../../tests/integration/server/counter-app.ts";

const server = await startSandboxServer({
  port: 0,
  sitePort: 0,
  host: "127.0.0.1",
  dataDir: null,
  rootFiles: COUNTER_FILES,
  log: () => {},
  limits: { requestsPerSecond: 1_000_000, maxSandboxes: 10_000, sandboxCreationsPerMinute: 100_000 },
});
process.stdout.write(JSON.stringify({ cloudUrl: server.cloudUrl, pid: process.pid }) + "\n");

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const command = line.trim();
  if (command === "rss") process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + "\n");
  else if (command === "cpu") {
    const { user, system } = process.cpuUsage();
    process.stdout.write(JSON.stringify({ cpuMicros: user + system }) + "\n");
  }
  else if (command === "exit") void stop();
});
lines.on("close", () => void stop());
