/**
 * The playground on a lesson page, in real Chromium against the built site and a sandbox
 * server: JavaScript transferred before any interaction (and after the editor loads, for
 * the ratio), page load to editor ready, and Run click to result, against the same query
 * sent from the same page as a plain fetch of the request ConvexHttpClient makes (the
 * browser's own cost, so the ratio is what the playground adds) and from Node with a
 * direct ConvexHttpClient. Wall times on a shared machine are noisy, so it also reports
 * the main thread's busy time (Chrome's TaskDuration) per Run click and per plain fetch.
 *
 * Uses BENCH_SITE_URL / BENCH_SANDBOX_URL when set; otherwise starts a sandbox server,
 * builds the site into a temporary folder and serves it (a few minutes).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import type { BenchSuite } from "../run";
import { median } from "../stats";
import { buildSite, startPreview, startSandboxProcess } from "../../scripts/lib/servers.mjs";
import { CHROMIUM_ARGS, requireChromium } from "../../scripts/lib/chromium.mjs";

const LESSON = "/lessons/reactive-model/";
const ROUNDS = 9;
const CLIENT_VERSION = (JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/convex/package.json"), "utf8")) as { version: string }).version;

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

      // 3. Run click to result, against the same query sent from the page and from Node.
      const root = page.locator(".cp-playground").first();
      await root.getByTestId("run-button").click(); // first push + sandbox creation
      await root.getByTestId("run-result").waitFor({ timeout: 60_000 });
      const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("convex-playground:sandbox:"))?.[1]);
      const { url } = JSON.parse(stored!) as { url: string };
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const busyMs = async () => {
        const { metrics } = await cdp.send("Performance.getMetrics");
        return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
      };

      // Run clicks, timed inside the page: from the click event to the render that shows the new result.
      const clicks = async (rounds: number) =>
        page.evaluate(async (rounds) => {
          const section = document.querySelector<HTMLElement>(".cp-playground")!;
          const times: number[] = [];
          for (let i = 0; i < rounds; i++) {
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
            times.push(performance.now() - started);
          }
          return times;
        }, rounds);
      // The same query from the same page: the request ConvexHttpClient sends, as a plain fetch.
      const plainFetches = async (rounds: number) =>
        page.evaluate(
          async ({ rounds, url, version }) => {
            const times: number[] = [];
            for (let i = 0; i < rounds; i++) {
              const started = performance.now();
              const res = await fetch(`${url}/api/query`, {
                method: "POST",
                headers: { "Content-Type": "application/json", "Convex-Client": `npm-${version}` },
                body: JSON.stringify({ path: "messages:list", format: "convex_encoded_json", args: [{}] }),
              });
              await res.json();
              times.push(performance.now() - started);
            }
            return times;
          },
          { rounds, url, version: CLIENT_VERSION },
        );
      await clicks(1); // warm-up, like the other two sides
      let busy = await busyMs();
      const clickTimes = await clicks(ROUNDS);
      const clickBusy = ((await busyMs()) - busy) / ROUNDS;
      await plainFetches(1);
      busy = await busyMs();
      const pageTimes = await plainFetches(ROUNDS);
      const fetchBusy = ((await busyMs()) - busy) / ROUNDS;
      await cdp.detach();

      const http = new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true, logger: false });
      await http.query(makeFunctionReference<"query">("messages:list"), {}); // warm-up
      const directTimes: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        await http.query(makeFunctionReference<"query">("messages:list"), {});
        directTimes.push(performance.now() - started);
      }
      const click = median(clickTimes);
      const inPage = median(pageTimes);
      const direct = median(directTimes);
      rows.push(["Run click → result rendered (median)", `${click.toFixed(1)} ms`]);
      rows.push(["same query, plain fetch from the same page (median)", `${inPage.toFixed(1)} ms (Run is ${(click / Math.max(inPage, 0.01)).toFixed(1)}x)`]);
      rows.push(["same query, direct ConvexHttpClient from Node (median)", `${direct.toFixed(1)} ms (Run is ${(click / Math.max(direct, 0.01)).toFixed(1)}x)`]);
      rows.push(["main-thread busy time per Run click / per plain fetch", `${clickBusy.toFixed(1)} ms / ${fetchBusy.toFixed(1)} ms (${(clickBusy / Math.max(fetchBusy, 0.01)).toFixed(1)}x)`]);
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
