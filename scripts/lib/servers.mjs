/**
 * Starting the pieces the site needs, shared by `npm start`, `npm test` and the Playwright
 * global setup: a site build, `astro preview` over it, and the sandbox server in a child
 * process (isolated-vm needs `node --no-node-snapshot`, and the server is TypeScript run by tsx).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sandboxEntry = path.join(repoRoot, "src/sandbox/server/index.ts");
export const DEFAULT_SANDBOX_URL = "http://127.0.0.1:3210";

process.env.ASTRO_TELEMETRY_DISABLED = "1";

export function sandboxServerExists() {
  return existsSync(sandboxEntry);
}

/** A TCP port that was free a moment ago on `host`. */
export function freePort(host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; resolves with its exit code. */
export function run(command, args, { env = {}, stdio = "inherit", cwd = repoRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** `astro build` with the sandbox URL baked in; resolves with the exit code. */
export function buildSite({ outDir = "dist", sandboxUrl = DEFAULT_SANDBOX_URL } = {}) {
  return run(process.execPath, [path.join(repoRoot, "node_modules/astro/astro.js"), "build", "--outDir", outDir], {
    env: { PUBLIC_SANDBOX_URL: sandboxUrl },
  });
}

/** `astro preview` of a built site; resolves once it listens. */
export async function startPreview({ outDir = "dist", host = "127.0.0.1", port } = {}) {
  const { preview } = await import("astro");
  const chosenPort = port ?? (await freePort(host === "localhost" ? "127.0.0.1" : host));
  const server = await preview({
    root: repoRoot,
    outDir: path.resolve(repoRoot, outDir),
    server: { host, port: chosenPort },
    logLevel: "warn",
  });
  return { url: `http://${host}:${server.port}`, stop: () => server.stop() };
}

/**
 * The sandbox server (src/sandbox/server) in a child process. Resolves with its URLs once it
 * prints them; rejects if it exits first.
 */
export function startSandboxProcess({ host = "127.0.0.1", port = 0, sitePort = 0, dataDir = null, quiet = false } = {}) {
  const args = [
    "--no-node-snapshot",
    "--import",
    "tsx",
    path.join(repoRoot, "scripts/lib/sandbox-process.ts"),
    JSON.stringify({ host, port, sitePort, dataDir, quiet }),
  ];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let buffered = "";
    let ready = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      if (ready) {
        if (!quiet) process.stdout.write(chunk);
        return;
      }
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^SANDBOX_READY (.*)$/.exec(line);
        if (!match) {
          if (!quiet) console.log(line);
          continue;
        }
        ready = true;
        const { cloudUrl, siteUrl } = JSON.parse(match[1]);
        const exited = new Promise((done) => child.once("exit", done));
        resolve({
          cloudUrl,
          siteUrl,
          pid: child.pid,
          exited,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
            await exited;
          },
        });
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!ready) reject(new Error(`The sandbox server exited before it was ready (${signal ?? `exit code ${code}`}).`));
    });
  });
}
