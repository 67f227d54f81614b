/** Starting and stopping child-server.ts processes. */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// A path string rather than `new URL(...)`: jsdom test files replace the URL global.
const CHILD = join(dirname(fileURLToPath(import.meta.url)), "child-server.ts");

export interface ChildServer {
  child: ChildProcess;
  cloudUrl: string;
  adminKey: string;
}

/** Starts a server process with its data in `dataDir` ("none" = memory). */
export function startChildServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", CHILD, dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve({ child, ...(JSON.parse(out.split("\n")[0]) as { cloudUrl: string; adminKey: string }) });
    });
    child.once("exit", (code) => reject(new Error(`The server process exited with ${code}`)));
  });
}

/** Resolves once the process has exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}
