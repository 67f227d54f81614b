/**
 * Platform services, measured in one run:
 * - scheduler: delay from `runAfter(0)` to the scheduled mutation starting
 *   (its frozen `Date.now()` minus the job's `scheduledTime`), p50/p99;
 * - file storage through the running server: upload (POST to an upload URL)
 *   and download (GET of `getUrl`) throughput for 1 MiB and 8 MiB files, and
 *   download/upload as a ratio;
 * - text search latency through `withSearchIndex` at 1k and 10k documents,
 *   and the 10k/1k ratio.
 */
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import type { BenchSuite } from "../run.ts";
import { percentile } from "../stats.ts";
import { createPlatformDeployment } from "../../src/sandbox/platform/attach.ts";
import { startSandboxServer } from "../../src/sandbox/server/index.ts";

const api = anyApi;

const files: Record<string, string> = {
  "schema.ts": `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({
  starts: defineTable({ delayMs: v.number() }),
  articles: defineTable({ body: v.string(), topic: v.string() }).searchIndex("search_body", { searchField: "body", filterFields: ["topic"] }),
});`,
  "bench.ts": `import { mutation, internalMutation, query } from "./_generated/server";
import { internal } from "./_generated/api";
import { v } from "convex/values";
export const kick = mutation({ args: {}, handler: async (ctx) => { await ctx.scheduler.runAfter(0, internal.bench.started, {}); } });
export const started = internalMutation({ args: {}, handler: async (ctx) => {
  const { scheduledFunctionId } = await ctx.meta.getRequestMetadata();
  const job = await ctx.db.system.get(scheduledFunctionId!);
  await ctx.db.insert("starts", { delayMs: Date.now() - job!.scheduledTime });
}});
export const delays = query({ args: {}, handler: async (ctx) => (await ctx.db.query("starts").collect()).map((s) => s.delayMs) });
const WORDS = ["convex", "reactive", "database", "query", "mutation", "index", "schema", "action", "scheduler", "storage", "search", "cursor"];
export const seed = mutation({ args: { from: v.number(), count: v.number() }, handler: async (ctx, { from, count }) => {
  for (let i = from; i < from + count; i++) {
    const words = [];
    for (let w = 0; w < 12; w++) words.push(WORDS[(i * 7 + w * 13) % WORDS.length] + ((i + w) % 50));
    await ctx.db.insert("articles", { body: words.join(" "), topic: "t" + (i % 10) });
  }
}});
export const search = query({ args: { text: v.string() }, handler: async (ctx, { text }) =>
  (await ctx.db.query("articles").withSearchIndex("search_body", (q) => q.search("body", text).eq("topic", "t3")).take(10)).length });
export const uploadUrl = mutation({ args: {}, handler: async (ctx) => ctx.storage.generateUploadUrl() });
export const url = query({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => ctx.storage.getUrl(id) });
`,
};

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function schedulerDelay(): Promise<void> {
  const d = await createPlatformDeployment({ files });
  const runs = 100;
  for (let i = 0; i < runs; i++) {
    await d.runMutation({ path: "bench:kick", args: {} });
    const until = Date.now() + 2000;
    while (((await d.runQuery({ path: "bench:delays", args: {} })).value as number[]).length < i + 1 && Date.now() < until) {
      await new Promise((r) => setImmediate(r));
    }
  }
  const delays = (await d.runQuery({ path: "bench:delays", args: {} })).value as number[];
  console.log("| scheduler | runs | p50 delay (ms) | p99 delay (ms) |");
  console.log("|---|---|---|---|");
  console.log(`| runAfter(0) → mutation start | ${delays.length} | ${fmt(percentile(delays, 50), 1)} | ${fmt(percentile(delays, 99), 1)} |`);
  await d.dispose();
}

async function storageThroughput(): Promise<void> {
  const server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: files, executor: "inprocess", log: () => {} });
  const client = new ConvexHttpClient(server.cloudUrl);
  console.log("\n| file size | upload (MB/s) | download (MB/s) | download / upload |");
  console.log("|---|---|---|---|");
  for (const mib of [1, 8]) {
    const bytes = new Uint8Array(mib * 1024 * 1024).map((_, i) => i % 251);
    const reps = mib === 1 ? 10 : 4;
    let up = 0;
    let down = 0;
    for (let r = 0; r < reps; r++) {
      const uploadUrl: string = await client.mutation(api.bench.uploadUrl, {});
      let t = performance.now();
      const res = await fetch(uploadUrl, { method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: bytes });
      const { storageId } = (await res.json()) as { storageId: string };
      up += performance.now() - t;
      const url: string = await client.query(api.bench.url, { id: storageId });
      t = performance.now();
      const got = new Uint8Array(await (await fetch(url)).arrayBuffer());
      down += performance.now() - t;
      if (got.byteLength !== bytes.byteLength) throw new Error("download size mismatch");
    }
    const upMBs = (mib * reps) / (up / 1000);
    const downMBs = (mib * reps) / (down / 1000);
    console.log(`| ${mib} MiB | ${fmt(upMBs, 0)} | ${fmt(downMBs, 0)} | ${fmt(downMBs / upMBs)} |`);
  }
  await server.close();
}

async function searchLatency(): Promise<void> {
  const d = await createPlatformDeployment({ files });
  const queries = ["convex1", "reactive query", "schema2 index", "storage sea", "mutation7 cursor"];
  const rows: Array<[number, number, number]> = [];
  let seeded = 0;
  for (const size of [1_000, 10_000]) {
    while (seeded < size) {
      const count = Math.min(500, size - seeded);
      const out = await d.runMutation({ path: "bench:seed", args: { from: seeded, count } });
      if (out.status !== "success") throw new Error(out.errorMessage);
      seeded += count;
    }
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const out = await d.runQuery({ path: "bench:search", args: { text: queries[i % queries.length] } });
      times.push(performance.now() - t);
      if (out.status !== "success") throw new Error(out.errorMessage);
    }
    rows.push([size, percentile(times, 50), percentile(times, 99)]);
  }
  console.log("\n| documents | search p50 (ms) | search p99 (ms) | p50 vs 1k |");
  console.log("|---|---|---|---|");
  for (const [size, p50, p99] of rows) console.log(`| ${size} | ${fmt(p50)} | ${fmt(p99)} | ${fmt(p50 / rows[0][1])} |`);
  await d.dispose();
}

const suite: BenchSuite = {
  title: "Platform: scheduler delay, storage throughput, text search latency",
  async run() {
    await schedulerDelay();
    await storageThroughput();
    await searchLatency();
  },
};
export default suite;
