/**
 * The playground on a lesson page, in real Chromium against the built site and a sandbox
 * server: JavaScript transferred before any interaction (and after the editor loads, for
 * the ratio), page load to editor ready, and Run click to result (against a direct
 * ConvexHttpClient call on the same sandbox, for the ratio).
 *
 * Uses BENCH_SITE_URL / BENCH_SANDBOX_URL when set; otherwise starts a sandbox server,
 * builds the site into a temporary folder and serves it (a few minutes).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import type { BenchSuite } from "../run";
import { buildSite, startPreview, startSandboxProcess } from "../../scripts/lib/servers.mjs";
import { CHROMIUM_ARGS, requireChromium } from "../../scripts/lib/chromium.mjs";

const LESSON = "/lessons/reactive-model/";
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function javascriptBytes(page: Page, action: () => Promise<void>): Promise<number> {
  const client = await page.context().newCDPSession(page);
  await client.send("Network.enable");
  const types = new Map<string, string>();
  let bytes = 0;
  client.on("Network.responseReceived", (e: any) => types.set(e.requestId, e.type));
  client.on("Network.loadingFinished", (e: any) => {
    if (types.get(e.requestId) === "Script") bytes += e.encodedDataLength;
  });
  await action();
  await client.detach();
  return bytes;
}

async function startServers() {
  if (process.env.BENCH_SITE_URL && process.env.BENCH_SANDBOX_URL) {
    return { siteUrl: process.env.BENCH_SITE_URL, sandboxUrl: process.env.BENCH_SANDBOX_URL, stop: async () => {} };
  }
  const sandbox = await startSandboxProcess({ quiet: true });
  const outDir = mkdtempSync(path.join(tmpdir(), "playground-bench-"));
  const code = await buildSite({ outDir, sandboxUrl: sandbox.cloudUrl });
  if (code !== 0) throw new Error("The site build failed.");
  const site = await startPreview({ outDir });
  return {
    siteUrl: site.url,
    sandboxUrl: sandbox.cloudUrl,
    stop: async () => {
      await site.stop();
      await sandbox.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const suite: BenchSuite = {
  title: "Playground on a lesson page (Chromium)",
  async run() {
    const servers = await startServers();
    const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
    try {
      const rows: Array<[string, string]> = [];
      // 1. JavaScript before interaction, then after the editor is ready.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      let before = 0;
      let total = 0;
      total = await javascriptBytes(page, async () => {
        before = await javascriptBytes(page, async () => {
          await page.goto(servers.siteUrl + LESSON, { waitUntil: "networkidle" });
        });
        await page.locator(".cp-playground").first().scrollIntoViewIfNeeded();
        await page.locator('.cp-playground[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
        await page.waitForLoadState("networkidle");
      });
      rows.push(["JS transferred before interaction", `${(before / 1024).toFixed(1)} KiB`]);
      rows.push(["JS transferred once the editor is ready (page scripts, not the workers)", `${(total / 1024).toFixed(1)} KiB (${(total / Math.max(before, 1)).toFixed(1)}x)`]);

      // 2. Page load to editor ready (playground scrolled into view at load), warm cache.
      const readyTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = Date.now();
        await page.goto(servers.siteUrl + LESSON + "#cp-bench");
        await page.locator(".cp-playground").first().scrollIntoViewIfNeeded();
        await page.locator('.cp-playground[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
        readyTimes.push(Date.now() - started);
      }
      rows.push(["page load → editor ready (median, warm cache)", `${median(readyTimes)} ms`]);

      // 3. Run click to result, against a direct client call on the same sandbox.
      const root = page.locator(".cp-playground").first();
      await root.getByTestId("run-button").click(); // first push + sandbox creation
      await root.getByTestId("run-result").waitFor({ timeout: 60_000 });
      const clickTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        // Timed inside the page: from the click event to the render that shows the new result.
        const elapsed = await page.evaluate(async () => {
          const section = document.querySelector<HTMLElement>(".cp-playground")!;
          const before = Number(section.dataset.runs);
          const started = performance.now();
          section.querySelector<HTMLButtonElement>('[data-testid="run-button"]')!.click();
          await new Promise<void>((resolve) => {
            const observer = new MutationObserver(() => {
              if (Number(section.dataset.runs) > before) {
                observer.disconnect();
                resolve();
              }
            });
            observer.observe(section, { attributes: true, attributeFilter: ["data-runs"] });
          });
          return performance.now() - started;
        });
        clickTimes.push(elapsed);
      }
      const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("convex-playground:sandbox:"))?.[1]);
      const { url } = JSON.parse(stored!);
      const http = new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true, logger: false });
      const directTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        await http.query(makeFunctionReference<"query">("messages:list"), {});
        directTimes.push(performance.now() - started);
      }
      const click = median(clickTimes);
      const direct = median(directTimes);
      rows.push(["Run click → result rendered (median)", `${click.toFixed(1)} ms`]);
      rows.push(["same query, direct ConvexHttpClient (median)", `${direct.toFixed(1)} ms (Run is ${(click / Math.max(direct, 0.01)).toFixed(1)}x)`]);
      await context.close();

      const width = Math.max(...rows.map(([k]) => k.length));
      for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    } finally {
      await browser.close();
      await servers.stop();
    }
  },
};

export default suite;
