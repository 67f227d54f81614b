/**
 * Runs the sandbox server (src/sandbox/server) for scripts/lib/servers.mjs. Takes its options
 * as one JSON argument, prints `SANDBOX_READY {"cloudUrl":...,"siteUrl":...}` once listening,
 * and closes cleanly on SIGINT or SIGTERM. Run with `node --no-node-snapshot --import tsx`.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

interface ProcessOptions {
  host: string;
  port: number;
  sitePort: number;
  dataDir: string | null;
  quiet: boolean;
}

interface RunningSandboxServer {
  cloudUrl: string;
  siteUrl: string;
  close(): Promise<void>;
}

type StartSandboxServer = (options: Record<string, unknown>) => Promise<RunningSandboxServer>;

async function main() {
  const options = JSON.parse(process.argv[2] ?? "{}") as ProcessOptions;
  // Imported by path at run time, so this script builds even before the server exists.
  const entry = pathToFileURL(path.resolve(import.meta.dirname, "../../src/sandbox/server/index.ts")).href;
  const { startSandboxServer } = (await import(entry)) as { startSandboxServer: StartSandboxServer };
  const server = await startSandboxServer({
    host: options.host,
    port: options.port,
    sitePort: options.sitePort,
    dataDir: options.dataDir,
    ...(options.quiet ? { log: () => {} } : {}),
  });
  console.log(`SANDBOX_READY ${JSON.stringify({ cloudUrl: server.cloudUrl, siteUrl: server.siteUrl })}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
