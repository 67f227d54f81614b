/**
 * npm test: every suite, one summary.
 *
 *   1. typecheck   astro check; tsc -p tsconfig.json; tsc -p convex/tsconfig.json;
 *                  convex/_generated matches what codegen writes
 *   2. vitest      unit, integration and content tests (JSON reporter for the counts)
 *   3. build       the site into dist/, pointed at a sandbox server on an ephemeral port
 *   4. e2e         Playwright in headless Chromium against `astro preview` of dist/
 *
 * Each suite prints its counts; the last line is `N passed, N failed` over every test, and
 * the exit code is non-zero if anything failed. Typecheck commands and the build count as one
 * test each.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  DEFAULT_SANDBOX_URL,
  buildSite,
  repoRoot,
  run,
  sandboxServerExists,
  startPreview,
  startSandboxProcess,
} from "./lib/servers.mjs";

const bin = (name) => path.join(repoRoot, "node_modules/.bin", name);
const scratch = mkdtempSync(path.join(tmpdir(), "convex-playground-test-"));
/** @type {{ name: string, passed: number, failed: number, note?: string }[]} */
const suites = [];

function banner(title) {
  console.log(`\n${"=".repeat(72)}\n${title}\n${"=".repeat(72)}`);
}

function record(name, passed, failed, note) {
  suites.push({ name, passed, failed, note });
  console.log(`\n${name}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ""}`);
}

async function typecheck() {
  banner("Typecheck");
  const checks = [
    ["astro check", process.execPath, [path.join(repoRoot, "node_modules/astro/astro.js"), "check"]],
    ["tsc -p tsconfig.json", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]],
    ["tsc -p convex/tsconfig.json", bin("tsc"), ["-p", "convex/tsconfig.json"]],
    ["convex/_generated is current", process.execPath, ["--import", "tsx", "scripts/codegen.ts", "--check"]],
  ];
  let passed = 0;
  const failedNames = [];
  for (const [name, command, args] of checks) {
    console.log(`\n$ ${name}`);
    const code = await run(command, args);
    if (code === 0) passed += 1;
    else failedNames.push(name);
  }
  record("typecheck", passed, failedNames.length, failedNames.length ? `failed: ${failedNames.join(", ")}` : undefined);
}

async function vitest() {
  banner("Vitest");
  const report = path.join(scratch, "vitest.json");
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    record("vitest", 0, 1, `vitest exited with code ${code} and wrote no report`);
    return;
  }
  const result = JSON.parse(readFileSync(report, "utf8"));
  // A test file that fails to load has no tests in it; count it as one failure.
  const brokenFiles = (result.testResults ?? []).filter(
    (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
  ).length;
  let failed = result.numFailedTests + brokenFiles;
  if (code !== 0 && failed === 0) failed = 1; // e.g. an unhandled error outside any test
  record("vitest", result.numPassedTests, failed, brokenFiles ? `${brokenFiles} file(s) failed to load` : undefined);
}

async function e2e() {
  let sandbox = null;
  if (sandboxServerExists()) {
    try {
      sandbox = await startSandboxProcess({ quiet: true });
    } catch (error) {
      record("sandbox server", 0, 1, error instanceof Error ? error.message : String(error));
    }
  }
  try {
    banner(`Build (sandbox: ${sandbox?.cloudUrl ?? "none"})`);
    const buildCode = await buildSite({ outDir: "dist", sandboxUrl: sandbox?.cloudUrl ?? DEFAULT_SANDBOX_URL });
    record("build", buildCode === 0 ? 1 : 0, buildCode === 0 ? 0 : 1);
    if (buildCode !== 0) {
      record("e2e", 0, 0, "not run: the build failed");
      return;
    }

    banner("End-to-end (Playwright, headless Chromium)");
    const site = await startPreview({ outDir: "dist" });
    const report = path.join(scratch, "playwright.json");
    try {
      const code = await run(bin("playwright"), ["test", "--reporter=list,json"], {
        env: {
          E2E_BASE_URL: site.url,
          ...(sandbox ? { E2E_SANDBOX_URL: sandbox.cloudUrl, E2E_SANDBOX_SITE_URL: sandbox.siteUrl } : {}),
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        },
      });
      if (!existsSync(report)) {
        record("e2e", 0, 1, `Playwright exited with code ${code} and wrote no report`);
        return;
      }
      const { stats, errors = [] } = JSON.parse(readFileSync(report, "utf8"));
      let failed = stats.unexpected + errors.length;
      if (code !== 0 && failed === 0) failed = 1;
      const notes = [stats.flaky ? `${stats.flaky} flaky` : "", stats.skipped ? `${stats.skipped} skipped` : ""]
        .filter(Boolean)
        .join(", ");
      record("e2e", stats.expected + stats.flaky, failed, notes || undefined);
    } finally {
      await site.stop();
    }
  } finally {
    await sandbox?.stop();
  }
}

async function main() {
  await typecheck();
  await vitest();
  await e2e();
  rmSync(scratch, { recursive: true, force: true });

  banner("Summary");
  for (const suite of suites) {
    console.log(`${suite.name.padEnd(16)} ${suite.passed} passed, ${suite.failed} failed${suite.note ? `  (${suite.note})` : ""}`);
  }
  const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
  const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
