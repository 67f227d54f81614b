/**
 * npm start: build the site if needed, serve it on http://localhost:4321 with `astro preview`,
 * and run the sandbox server beside it on 127.0.0.1:3210 (API, WebSocket) and :3211 (HTTP
 * actions). Ctrl-C stops both.
 *
 * Environment:
 *   PORT                site port (4321)            HOST            site host (localhost)
 *   PUBLIC_SANDBOX_URL  sandbox URL the site talks to (http://127.0.0.1:3210)
 *   SANDBOX=off         do not start a sandbox server (e.g. PUBLIC_SANDBOX_URL points elsewhere)
 *   SANDBOX_HOST, SANDBOX_PORT, SANDBOX_SITE_PORT, SANDBOX_DATA_DIR (.sandbox-data)
 *   --rebuild           build even if dist/ looks current
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_SANDBOX_URL,
  buildSite,
  repoRoot,
  sandboxServerExists,
  startPreview,
  startSandboxProcess,
} from "./lib/servers.mjs";

const env = process.env;
const sandboxUrl = (env.PUBLIC_SANDBOX_URL || DEFAULT_SANDBOX_URL).replace(/\/+$/, "");
const outDir = path.join(repoRoot, "dist");
const stampFile = path.join(outDir, ".build-stamp.json");
const sources = ["src", "content", "public", "astro.config.mjs", "package-lock.json"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/** Why dist/ must be rebuilt, or null when it matches the sources and the sandbox URL. */
function rebuildReason() {
  if (process.argv.includes("--rebuild")) return "--rebuild was given";
  if (!existsSync(stampFile)) return "no build yet";
  const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  if (stamp.sandboxUrl !== sandboxUrl) return `the sandbox URL changed to ${sandboxUrl}`;
  const changed = sources.find((source) => newestMtime(path.join(repoRoot, source)) > stamp.builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

/** What to stop on Ctrl-C; filled in as servers start. */
const running = [];
let stopping = false;
async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await Promise.allSettled(running.map((server) => server.stop()));
  process.exit(exitCode);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function main() {
  const reason = rebuildReason();
  if (reason) {
    console.log(`Building the site (${reason})…`);
    const builtAt = Date.now();
    const code = await buildSite({ outDir, sandboxUrl });
    if (code !== 0) {
      console.error("The site build failed; see the errors above.");
      process.exit(code);
    }
    writeFileSync(stampFile, JSON.stringify({ builtAt, sandboxUrl }));
  } else {
    console.log("dist/ is up to date (npm start -- --rebuild to build anyway).");
  }

  let sandbox = null;
  if (env.SANDBOX === "off") {
    console.log(`Not starting a sandbox server (SANDBOX=off); the site uses ${sandboxUrl}.`);
  } else if (!sandboxServerExists()) {
    console.log("No sandbox server in this checkout (src/sandbox/server/index.ts); serving the site only.");
  } else {
    sandbox = await startSandboxProcess({
      host: env.SANDBOX_HOST || "127.0.0.1",
      port: Number(env.SANDBOX_PORT || 3210),
      sitePort: Number(env.SANDBOX_SITE_PORT || 3211),
      dataDir: path.resolve(repoRoot, env.SANDBOX_DATA_DIR || ".sandbox-data"),
    });
    running.push(sandbox);
    sandbox.exited.then(() => {
      if (stopping) return;
      console.error("The sandbox server stopped unexpectedly.");
      void stop(1);
    });
    console.log(`Sandbox server: ${sandbox.cloudUrl} (API, WebSocket), ${sandbox.siteUrl} (HTTP actions)`);
    if (sandbox.cloudUrl.replace(/\/+$/, "") !== sandboxUrl) {
      console.warn(`Note: the site was built to use ${sandboxUrl}, not ${sandbox.cloudUrl}.`);
    }
  }

  const site = await startPreview({ outDir, host: env.HOST || "localhost", port: Number(env.PORT || 4321) });
  running.push(site);
  if (stopping) return;
  console.log(`\nConvex Playground: ${site.url}\nPress Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
