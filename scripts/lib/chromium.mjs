/**
 * Finds a Chromium for the end-to-end tests without downloading one:
 * $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright installed itself.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const INSTALL_HINT = [
  "No Chromium found for the end-to-end tests. Install one of:",
  "  - Debian/Ubuntu: sudo apt-get install chromium   (found at /usr/bin/chromium)",
  "  - any Chromium or Chrome, then set CHROMIUM_PATH=/path/to/chromium",
  "  - Playwright's own build: npx playwright install chromium",
].join("\n");

/** @returns {{ path: string, source: string } | null} */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but no file is there.\n\n${INSTALL_HINT}`);
    }
    return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  }
  if (existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", source: "/usr/bin/chromium" };
  try {
    const { chromium } = require("playwright-core");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: "Playwright" };
  } catch {
    // playwright-core not installed or no browser registry: fall through
  }
  return null;
}

/** The Chromium path, or an Error that says how to install one. */
export function requireChromium(env = process.env) {
  const found = findChromium(env);
  if (!found) throw new Error(INSTALL_HINT);
  return found.path;
}
