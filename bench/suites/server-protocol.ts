/**
 * The sandbox server over loopback with the real clients: query round trips
 * (HTTP and WebSocket), mutation → subscriber propagation with 1/10/100
 * subscribers, sandbox create + push + first result, memory per idle
 * sandbox, and mutation throughput with 50 concurrent clients. Each figure is
 * printed beside the goal from the server issue.
 *
 * The server runs in its own process, as a real deployment (`npm run
 * sandbox`) does, and this process holds only the clients: with both in one
 * event loop, the clients' own work (100 ConvexClients parsing and
 * dispatching every update) would delay the server and be counted as server
 * latency. The memory row reads the server process's resident set.
 */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import type { BenchSuite } from "../run.ts";
import { percentile } from "../stats.ts";
import { startServerProcess } from "../server/server-process.ts";
import { api, COUNTER_FILES } from "../../tests/integration/server/counter-app.ts";

function ms(n: number): string {
  return `${n.toFixed(2)} ms`;
}

/** This process's CPU time so far (user + system), in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const rows: Array<[string, string, string]> = [];
function row(name: string, value: string, goal: string) {
  rows.push([name, value, goal]);
}

const quiet = { logger: false } as const;

async function run(): Promise<void> {
  const server = await startServerProcess();
  try {
    // Query round trips. The same query again and again is answered from the
    // deployment's query cache, as on Convex; the second row asks with new
    // arguments each time, so the server runs every query.
    const http = new ConvexHttpClient(server.cloudUrl, quiet);
    for (let i = 0; i < 30; i++) await http.query(api.counters.get, { name: "rt" });
    const httpSamples: number[] = [];
    for (let i = 0; i < 300; i++) httpSamples.push(await time(() => http.query(api.counters.get, { name: "rt" })));
    row("query round trip, HTTP (p50 / p99)", `${ms(percentile(httpSamples, 50))} / ${ms(percentile(httpSamples, 99))}`, "p50 < 2 ms");
    for (let i = 0; i < 30; i++) await http.query(api.counters.get, { name: `http-warm-${i}` });
    const httpRunSamples: number[] = [];
    for (let i = 0; i < 300; i++) httpRunSamples.push(await time(() => http.query(api.counters.get, { name: `http-${i}` })));
    row(
      "  the same, new arguments each time (p50 / p99)",
      `${ms(percentile(httpRunSamples, 50))} / ${ms(percentile(httpRunSamples, 99))}`,
      "(query runs)",
    );

    // Distinct arguments each time, so that no answer comes from the client's own cache.
    const ws = new ConvexClient(server.cloudUrl, quiet);
    for (let i = 0; i < 30; i++) await ws.query(api.counters.get, { name: `warm-${i}` });
    const wsSamples: number[] = [];
    for (let i = 0; i < 300; i++) wsSamples.push(await time(() => ws.query(api.counters.get, { name: `rt-${i}` })));
    row("query round trip, WebSocket (p50 / p99)", `${ms(percentile(wsSamples, 50))} / ${ms(percentile(wsSamples, 99))}`, "p50 < 2 ms");
    await ws.close();

    // Mutation → other clients' subscription updates: from just before the
    // mutation is sent to each subscriber's onUpdate callback seeing its value.
    for (const subscribers of [1, 10, 100]) {
      const name = `propagation-${subscribers}`;
      const clients = Array.from({ length: subscribers }, () => new ConvexClient(server.cloudUrl, quiet));
      const latest = new Array<number>(subscribers).fill(-1);
      let expected = -1;
      let start = 0;
      let arrivals: number[] = [];
      let allArrived = () => {};
      const offs = clients.map((c, i) =>
        c.onUpdate(api.counters.get, { name }, (v: number) => {
          latest[i] = v;
          if (v !== expected) return;
          arrivals.push(performance.now() - start);
          if (arrivals.length === subscribers) allArrived();
        }),
      );
      await new Promise<void>((resolve) => {
        const check = () => (latest.every((v) => v === 0) ? resolve() : setTimeout(check, 5));
        check();
      });
      const samples: number[] = [];
      const warmUpRounds = 10;
      const measuredRounds = 40;
      let serverCpu = 0;
      let clientCpu = 0;
      for (let round = 1; round <= warmUpRounds + measuredRounds; round++) {
        if (round === warmUpRounds + 1) {
          serverCpu = await server.cpuMs();
          clientCpu = cpuMs();
        }
        arrivals = [];
        expected = round;
        const arrived = new Promise<void>((resolve) => (allArrived = resolve));
        start = performance.now();
        await http.mutation(api.counters.increment, { name });
        await arrived;
        if (round > warmUpRounds) samples.push(...arrivals);
      }
      serverCpu = (await server.cpuMs()) - serverCpu;
      clientCpu = cpuMs() - clientCpu;
      row(
        `mutation → update, ${subscribers} subscriber${subscribers > 1 ? "s" : ""} (p50 / p99)`,
        `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))}`,
        "p50 < 10 ms",
      );
      // CPU time per mutation round, which load from other processes does not inflate the way it does wall time.
      row(
        `  CPU per round: server / clients' process`,
        `${ms(serverCpu / measuredRounds)} / ${ms(clientCpu / measuredRounds)}`,
        "(where the time goes)",
      );
      offs.forEach((off) => off());
      await Promise.all(clients.map((c) => c.close()));
    }

    // Sandbox create + push + first result.
    const createSamples: number[] = [];
    for (let i = 0; i < 8; i++) {
      createSamples.push(
        await time(async () => {
          const sandbox = (await (await fetch(server.cloudUrl + "/api/sandboxes", { method: "POST" })).json()) as { url: string; adminKey: string };
          await fetch(sandbox.url + "/api/sandbox/push", {
            method: "POST",
            headers: { Authorization: `Convex ${sandbox.adminKey}` },
            body: JSON.stringify({ files: COUNTER_FILES }),
          });
          await new ConvexHttpClient(sandbox.url, quiet).query(api.counters.get, { name: "first" });
        }),
      );
    }
    row("sandbox create + push + first result (p50)", ms(percentile(createSamples, 50)), "< 300 ms");

    // Memory per idle sandbox (the server process's RSS, which includes the isolates' heaps).
    const before = await server.rss();
    const count = 20;
    for (let i = 0; i < count; i++) {
      const sandbox = (await (await fetch(server.cloudUrl + "/api/sandboxes", { method: "POST" })).json()) as { url: string; adminKey: string };
      await fetch(sandbox.url + "/api/sandbox/push", {
        method: "POST",
        headers: { Authorization: `Convex ${sandbox.adminKey}` },
        body: JSON.stringify({ files: COUNTER_FILES }),
      });
      await new ConvexHttpClient(sandbox.url, quiet).mutation(api.counters.increment, { name: "idle" });
    }
    await new Promise((r) => setTimeout(r, 500));
    const perSandbox = ((await server.rss()) - before) / count / (1024 * 1024);
    row("memory per idle sandbox (RSS growth)", `${perSandbox.toFixed(1)} MB`, "< 5 MB");

    // Mutation throughput with 50 concurrent clients.
    const writers = Array.from({ length: 50 }, () => new ConvexClient(server.cloudUrl, quiet));
    await Promise.all(writers.map((c) => c.mutation(api.counters.increment, { name: "warmup" })));
    const perClient = 20;
    const elapsed = await time(() =>
      Promise.all(writers.map(async (c) => {
        for (let i = 0; i < perClient; i++) await c.mutation(api.counters.increment, { name: "throughput" });
      })),
    );
    const total = await http.query(api.counters.get, { name: "throughput" });
    row(
      "mutations/s, 50 clients on one counter",
      `${Math.round((50 * perClient) / (elapsed / 1000))}/s (total ${total}, exact: ${total === 50 * perClient})`,
      "exact total",
    );
    await Promise.all(writers.map((c) => c.close()));
  } finally {
    await server.close();
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`| ${"measure".padEnd(width)} | result | goal |`);
  console.log(`| ${"-".repeat(width)} | --- | --- |`);
  for (const [name, value, goal] of rows) console.log(`| ${name.padEnd(width)} | ${value} | ${goal} |`);
}

const suite: BenchSuite = { title: "Sandbox server: protocol round trips, propagation, sandboxes", run };
export default suite;
