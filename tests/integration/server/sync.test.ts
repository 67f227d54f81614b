import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, startTestServer, waitFor } from "./fixtures.ts";
import { RawSyncClient } from "./ws-client.ts";

let server: SandboxServer;
beforeAll(async () => {
  server = await startTestServer({ maxTransitionBytes: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
});

function client(): ConvexClient {
  return new ConvexClient(server.cloudUrl, { logger: false });
}

describe("WebSocket sync through ConvexClient", () => {
  it("runs queries, mutations and actions over the socket", async () => {
    const c = client();
    try {
      expect(await c.mutation(api.counters.increment, { name: "ws" })).toBe(1);
      expect(await c.query(api.counters.get, { name: "ws" })).toBe(1);
      expect(await c.action(api.counters.double, { name: "ws" })).toBe(2);
      const error = await c.mutation(api.counters.fail, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConvexError);
      expect((error as ConvexError<{ code: string }>).data).toEqual({ code: "NOPE", detail: 42 });
    } finally {
      await c.close();
    }
  });

  it("updates a subscription after another client's mutation", async () => {
    const watcher = client();
    const writer = new ConvexHttpClient(server.cloudUrl);
    const seen: number[] = [];
    const unsubscribe = watcher.onUpdate(api.counters.get, { name: "shared" }, (v: number) => seen.push(v));
    try {
      await waitFor(() => seen.length === 1, 5000, "first result");
      expect(seen).toEqual([0]);
      await writer.mutation(api.counters.increment, { name: "shared" });
      await waitFor(() => seen.at(-1) === 1, 5000, "update after mutation");
      await writer.mutation(api.counters.increment, { name: "shared", by: 2 });
      await waitFor(() => seen.at(-1) === 3, 5000, "second update");
      // A write to another counter does not touch this query's read set: nothing new arrives.
      const count = seen.length;
      await writer.mutation(api.counters.increment, { name: "elsewhere" });
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.length).toBe(count);
    } finally {
      unsubscribe();
      await watcher.close();
    }
  });

  it("lets a client read its own writes: the mutation resolves after its queries reflect it", async () => {
    const c = client();
    let latest: string[] = [];
    const unsubscribe = c.onUpdate(api.counters.notes, {}, (v: string[]) => (latest = v));
    try {
      await waitFor(() => Array.isArray(latest), 5000);
      for (let i = 0; i < 5; i++) {
        await c.mutation(api.counters.addNote, { text: `note ${i}` });
        expect(latest).toContain(`note ${i}`);
      }
    } finally {
      unsubscribe();
      await c.close();
    }
  });

  it("keeps an exact total when 50 clients increment one counter concurrently", async () => {
    const clients = Array.from({ length: 50 }, client);
    try {
      await Promise.all(clients.map(async (c) => {
        for (let i = 0; i < 4; i++) await c.mutation(api.counters.increment, { name: "race" });
      }));
      expect(await clients[0].query(api.counters.get, { name: "race" })).toBe(200);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  it("resumes subscriptions after the connection drops", async () => {
    const watcher = client();
    const writer = new ConvexHttpClient(server.cloudUrl);
    const seen: number[] = [];
    const unsubscribe = watcher.onUpdate(api.counters.get, { name: "resume" }, (v: number) => seen.push(v));
    try {
      await waitFor(() => seen.length === 1, 5000);
      for (const sandbox of server.sandboxes.list()) for (const connection of sandbox.connections) connection.close();
      await new Promise((r) => setTimeout(r, 100));
      await writer.mutation(api.counters.increment, { name: "resume", by: 5 });
      await waitFor(() => seen.at(-1) === 5, 10000, "update after reconnect");
    } finally {
      unsubscribe();
      await watcher.close();
    }
  });

  it("sends large transitions as TransitionChunks the client reassembles", async () => {
    const c = client();
    try {
      const value: string = await c.query(api.counters.big, { n: 300_000 });
      expect(value.length).toBe(300_000);
    } finally {
      await c.close();
    }
  });
});

describe("the sync protocol on the wire", () => {
  it("versions transitions, encodes ts and follows a MutationResponse with a covering Transition", async () => {
    const raw = await RawSyncClient.open(server.cloudUrl);
    try {
      raw.connect();
      raw.send({ type: "ModifyQuerySet", baseVersion: 0, newVersion: 1, modifications: [{ type: "Add", queryId: 0, udfPath: "counters:get", args: [{ name: "wire" }] }] });
      const first = await raw.next("Transition");
      expect(first.startVersion).toEqual({ querySet: 0, identity: 0, ts: "AAAAAAAAAAA=" });
      expect((first.endVersion as { querySet: number }).querySet).toBe(1);
      expect(first.modifications).toEqual([{ type: "QueryUpdated", queryId: 0, value: 0, logLines: ["[LOG] 'reading' 'wire'"], journal: null }]);
      raw.send({ type: "Mutation", requestId: 0, udfPath: "counters:increment", args: [{ name: "wire" }] });
      const response = await raw.next("MutationResponse");
      expect(response).toMatchObject({ requestId: 0, success: true, result: 1 });
      const second = await raw.next("Transition", 2);
      expect(raw.messages.indexOf(response)).toBeLessThan(raw.messages.indexOf(second));
      expect(second.startVersion).toEqual(first.endVersion);
      const ts = (s: string) => Buffer.from(s, "base64").readBigUInt64LE();
      expect(ts((second.endVersion as { ts: string }).ts)).toBeGreaterThanOrEqual(ts(response.ts as string));
      raw.send({ type: "ModifyQuerySet", baseVersion: 1, newVersion: 2, modifications: [{ type: "Remove", queryId: 0 }] });
      const third = await raw.next("Transition", 3);
      expect(third.modifications).toEqual([{ type: "QueryRemoved", queryId: 0 }]);
      raw.send({ type: "Event", eventType: "telemetry", event: {} });
      raw.send({ type: "Authenticate", tokenType: "Admin", value: server.root!.adminKey, baseVersion: 0 });
      const fourth = await raw.next("Transition", 4);
      expect((fourth.endVersion as { identity: number }).identity).toBe(1);
    } finally {
      raw.close();
    }
  });

  it("updates every query a commit touches in one Transition, and sends nothing for untouched ones", async () => {
    const raw = await RawSyncClient.open(server.cloudUrl);
    const writer = new ConvexHttpClient(server.cloudUrl, { logger: false });
    try {
      raw.connect();
      raw.send({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [
          { type: "Add", queryId: 1, udfPath: "counters:get", args: [{ name: "pair" }] },
          { type: "Add", queryId: 2, udfPath: "counters:get", args: [{ name: "pair" }] },
          { type: "Add", queryId: 3, udfPath: "counters:notes", args: [{}] },
        ],
      });
      const first = await raw.next("Transition");
      expect((first.modifications as unknown[]).length).toBe(3);
      await writer.mutation(api.counters.increment, { name: "pair" });
      const second = await raw.next("Transition", 2);
      const mods = second.modifications as Array<{ queryId: number; value: unknown }>;
      expect(mods.map((m) => [m.queryId, m.value]).sort()).toEqual([
        [1, 1],
        [2, 1],
      ]);
      await writer.mutation(api.counters.increment, { name: "unrelated" });
      await new Promise((r) => setTimeout(r, 200));
      expect(raw.ofType("Transition").length).toBe(2);
    } finally {
      raw.close();
    }
  });

  it("answers a wrong admin key with AuthError and a version mismatch with FatalError", async () => {
    const raw = await RawSyncClient.open(server.cloudUrl, "/api/sync");
    raw.connect();
    raw.send({ type: "Authenticate", tokenType: "Admin", value: "nope", baseVersion: 0 });
    expect(await raw.next("AuthError")).toMatchObject({ baseVersion: 0, authUpdateAttempted: true });
    raw.send({ type: "ModifyQuerySet", baseVersion: 5, newVersion: 6, modifications: [] });
    const fatal = await raw.next("FatalError");
    expect(fatal.error).toBe("Base version 5 passed up doesn't match the current version 0");
    await waitFor(() => raw.closed !== null, 5000, "close");
  });

  it("pings an idle client", async () => {
    const pinging = await startTestServer({ pingIntervalMs: 100 });
    const raw = await RawSyncClient.open(pinging.cloudUrl);
    try {
      raw.connect();
      await raw.next("Ping", 1, 2000);
    } finally {
      raw.close();
      await pinging.close();
    }
  });
});
