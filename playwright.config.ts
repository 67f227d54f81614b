/**
 * End-to-end tests in headless Chromium against the built site.
 *
 * `npm test` builds the site, starts `astro preview` and a sandbox server, and passes their
 * addresses in E2E_BASE_URL and E2E_SANDBOX_URL. Run alone (`npx playwright test`), the global
 * setup does the same itself. Chromium is never downloaded: see scripts/lib/chromium.mjs.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, requireChromium } from "./scripts/lib/chromium.mjs";

process.env.ASTRO_TELEMETRY_DISABLED = "1";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./scripts/lib/e2e-global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
});
