/** Starting an in-memory test server with the counter app (see counter-app.ts). */
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "../../../src/sandbox/server/index.ts";
import { COUNTER_FILES } from "./counter-app.ts";

export { api, COUNTER_FILES, waitFor } from "./counter-app.ts";

/** Starts an in-memory server on ephemeral ports with the counter folder as its root deployment. */
export async function startTestServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  return startSandboxServer({
    port: 0,
    sitePort: 0,
    dataDir: null,
    rootFiles: COUNTER_FILES,
    log: () => {},
    ...options,
  });
}

