/**
 * A sandbox server in its own process, for the crash tests: serves the
 * counter folder with data in the folder given as argv[2] ("none": in memory)
 * and prints its URLs as one JSON line.
 */
import { startSandboxServer } from "../../../src/sandbox/server/index.ts";
import { COUNTER_FILES } from "./counter-app.ts";

const server = await startSandboxServer({
  port: 0,
  sitePort: 0,
  dataDir: process.argv[2] === "none" ? null : process.argv[2],
  rootFiles: COUNTER_FILES,
  log: () => {},
  limits: { requestsPerSecond: 1_000_000 },
});
process.stdout.write(JSON.stringify({ cloudUrl: server.cloudUrl, adminKey: server.root!.adminKey }) + "\n");
