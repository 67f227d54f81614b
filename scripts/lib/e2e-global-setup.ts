/**
 * Playwright global setup. When E2E_BASE_URL is already set (npm test), it does nothing.
 * Otherwise it starts a sandbox server on ephemeral ports (when this checkout has one),
 * builds the site against it into a temporary folder, serves that with `astro preview`,
 * and hands both addresses to the tests through the environment.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  DEFAULT_SANDBOX_URL,
  buildSite,
  sandboxServerExists,
  startPreview,
  startSandboxProcess,
} from "./servers.mjs";

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.E2E_BASE_URL) return;

  const sandbox = sandboxServerExists() ? await startSandboxProcess({ quiet: true }) : null;
  const outDir = mkdtempSync(path.join(tmpdir(), "convex-playground-e2e-"));
  const code = await buildSite({ outDir, sandboxUrl: sandbox?.cloudUrl ?? DEFAULT_SANDBOX_URL });
  if (code !== 0) {
    await sandbox?.stop();
    throw new Error("The site build failed; see the errors above.");
  }
  const site = await startPreview({ outDir });
  process.env.E2E_BASE_URL = site.url;
  if (sandbox) process.env.E2E_SANDBOX_URL = sandbox.cloudUrl;

  return async () => {
    await site.stop();
    await sandbox?.stop();
    rmSync(outDir, { recursive: true, force: true });
  };
}
