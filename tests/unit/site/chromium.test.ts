import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INSTALL_HINT, findChromium, requireChromium } from "../../../scripts/lib/chromium.mjs";

describe("finding a Chromium for e2e", () => {
  it("prefers CHROMIUM_PATH", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath, source: "CHROMIUM_PATH" });
  });

  it("refuses a CHROMIUM_PATH that points nowhere, saying how to install one", () => {
    expect(() => requireChromium({ CHROMIUM_PATH: "/no/such/chromium" })).toThrow(
      "CHROMIUM_PATH is set to /no/such/chromium, but no file is there.",
    );
    expect(() => requireChromium({ CHROMIUM_PATH: "/no/such/chromium" })).toThrow("apt-get install chromium");
  });

  it.runIf(existsSync("/usr/bin/chromium"))("falls back to Debian's /usr/bin/chromium", () => {
    expect(findChromium({})).toEqual({ path: "/usr/bin/chromium", source: "/usr/bin/chromium" });
  });

  it("names every way to get one in its hint", () => {
    expect(INSTALL_HINT).toContain("CHROMIUM_PATH");
    expect(INSTALL_HINT).toContain("npx playwright install chromium");
  });
});
