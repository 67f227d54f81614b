/**
 * Query results are shared between sync subscriptions and HTTP queries at
 * the latest timestamp: what the clients see must be what a fresh run would
 * give, whichever protocol wrote last and whoever asks.
 */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, startTestServer, waitFor } from "./fixtures.ts";

let server: SandboxServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function actingAs(key: string, subject: string): ConvexHttpClient {
  const client = new ConvexHttpClient(server.cloudUrl, { logger: false });
  (client as unknown as { setAdminAuth(key: string, actingAs?: Record<string, string>): void }).setAdminAuth(key, { subject });
  return client;
}

describe("results shared between subscriptions and HTTP queries", () => {
  it("answers an HTTP query with every mutation before it, from either protocol", async () => {
    const http = new ConvexHttpClient(server.cloudUrl, { logger: false });
    const ws = new ConvexClient(server.cloudUrl, { logger: false });
    let seen = -1;
    const off = ws.onUpdate(api.counters.get, { name: "shared" }, (v: number) => (seen = v));
    await waitFor(() => seen === 0, 10_000, "the first subscription result");
    expect(await http.query(api.counters.get, { name: "shared" })).toBe(0);
    for (let i = 1; i <= 12; i++) {
      const written = i % 2 === 0 ? await ws.mutation(api.counters.increment, { name: "shared" }) : await http.mutation(api.counters.increment, { name: "shared" });
      expect(written).toBe(i);
      expect(await http.query(api.counters.get, { name: "shared" })).toBe(i);
      // A write elsewhere leaves this result as it is.
      await http.mutation(api.counters.increment, { name: "elsewhere" });
      expect(await http.query(api.counters.get, { name: "shared" })).toBe(i);
    }
    await waitFor(() => seen === 12, 10_000, "the subscription to reach 12");
    off();
    await ws.close();
  });

  it("never answers an HTTP query with less than the caller's own write while subscriptions re-run", async () => {
    const watchers = Array.from({ length: 20 }, () => new ConvexClient(server.cloudUrl, { logger: false }));
    const offs = watchers.map((c) => c.onUpdate(api.counters.get, { name: "busy" }, () => {}));
    const writers = Array.from({ length: 4 }, () => new ConvexHttpClient(server.cloudUrl, { logger: false }));
    await Promise.all(
      writers.map(async (http) => {
        for (let i = 0; i < 15; i++) {
          const written: number = await http.mutation(api.counters.increment, { name: "busy" });
          const read: number = await http.query(api.counters.get, { name: "busy" });
          expect(read).toBeGreaterThanOrEqual(written);
        }
      }),
    );
    expect(await writers[0].query(api.counters.get, { name: "busy" })).toBe(60);
    offs.forEach((off) => off());
    await Promise.all(watchers.map((c) => c.close()));
  });

  it("answers HTTP queries without any subscription after each mutation", async () => {
    const http = new ConvexHttpClient(server.cloudUrl, { logger: false });
    for (let i = 1; i <= 8; i++) {
      expect(await http.query(api.counters.get, { name: "alone" })).toBe(i - 1);
      expect(await http.query(api.counters.get, { name: "alone" })).toBe(i - 1);
      await http.mutation(api.counters.increment, { name: "alone" });
    }
    expect(await http.query(api.counters.get, { name: "alone" })).toBe(8);
  });

  it("keeps callers with different identities apart", async () => {
    const key = server.root!.adminKey;
    const anonymous = new ConvexHttpClient(server.cloudUrl, { logger: false });
    for (let round = 0; round < 2; round++) {
      expect(await actingAs(key, "alice").query(api.counters.whoami, {})).toBe("alice");
      expect(await actingAs(key, "bob").query(api.counters.whoami, {})).toBe("bob");
      expect(await anonymous.query(api.counters.whoami, {})).toBe(null);
    }
  });

  it("names each failed HTTP query's own request ID", async () => {
    const post = async () => {
      const res = await fetch(server.cloudUrl + "/api/query", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ path: "counters:secret", args: {}, format: "convex_encoded_json" }),
      });
      return { status: res.status, body: (await res.json()) as { status: string; errorMessage: string } };
    };
    const first = await post();
    const second = await post();
    expect(first.status).toBe(560);
    expect(second.status).toBe(560);
    const requestId = (text: string) => /^\[Request ID: ([0-9a-f]+)\] Server Error/.exec(text)?.[1];
    expect(requestId(first.body.errorMessage)).toMatch(/^[0-9a-f]{16}$/);
    expect(requestId(second.body.errorMessage)).toMatch(/^[0-9a-f]{16}$/);
    expect(requestId(first.body.errorMessage)).not.toBe(requestId(second.body.errorMessage));
    expect(first.body.errorMessage.split("\n").slice(1)).toEqual(second.body.errorMessage.split("\n").slice(1));
  });
});
