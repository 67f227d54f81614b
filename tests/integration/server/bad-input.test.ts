import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, startTestServer, waitFor } from "./fixtures.ts";
import { RawSyncClient } from "./ws-client.ts";

let server: SandboxServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { maxFrameBytes: 64 * 1024, maxBodyBytes: 64 * 1024, requestsPerSecond: 100_000 } });
});
afterAll(async () => {
  await server.close();
});

const MALFORMED: Array<string | Buffer> = [
  "{",
  "null",
  "[]",
  "42",
  '"Connect"',
  "{}",
  '{"type": 7}',
  '{"type": "Bogus"}',
  '{"type": "Mutation"}',
  '{"type": "Mutation", "requestId": -1, "udfPath": "x", "args": []}',
  '{"type": "ModifyQuerySet", "baseVersion": 0, "newVersion": 1, "modifications": [{"type": "Add"}]}',
  '{"type": "ModifyQuerySet", "baseVersion": 0, "newVersion": 1, "modifications": "nope"}',
  '{"type": "Authenticate", "tokenType": "Magic", "baseVersion": 0}',
  '{"type": "Connect", "sessionId": 5}',
  "\u0000\u0001binary-ish",
  Buffer.from([0xff, 0xfe, 0xfd]),
];

describe("bad input never takes the server down", () => {
  it("answers each malformed frame with a FatalError and closes, 1,000+ times, and still serves", async () => {
    let fatal = 0;
    for (let round = 0; round < 70; round++) {
      const batch = await Promise.all(
        MALFORMED.map(async (frame) => {
          const raw = await RawSyncClient.open(server.cloudUrl);
          raw.send(frame);
          await waitFor(() => raw.closed !== null, 5000, "close after malformed frame");
          return raw.ofType("FatalError").length;
        }),
      );
      fatal += batch.reduce((a, b) => a + b, 0);
    }
    expect(fatal).toBe(70 * MALFORMED.length);
    expect(fatal).toBeGreaterThanOrEqual(1000);
    const client = new ConvexHttpClient(server.cloudUrl);
    expect(await client.mutation(api.counters.increment, { name: "survivor" })).toBe(1);
  }, 120_000);

  it("refuses an oversize frame with a FatalError naming the limit", async () => {
    const raw = await RawSyncClient.open(server.cloudUrl);
    raw.connect();
    raw.send({ type: "Mutation", requestId: 0, udfPath: "counters:addNote", args: [{ text: "x".repeat(70 * 1024) }] });
    const fatal = await raw.next("FatalError");
    expect(fatal.error).toMatch(/exceeds the limit of 65536 bytes/);
    await waitFor(() => raw.closed !== null, 5000, "close");
  });

  it("answers an oversize HTTP body with 413 and malformed JSON with 400", async () => {
    const big = await fetch(server.cloudUrl + "/api/mutation", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: "counters:addNote", args: { text: "x".repeat(70 * 1024) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: "RequestTooLarge" });
    for (const body of ["", "{", "[1,2]", "nul"]) {
      const res = await fetch(server.cloudUrl + "/api/mutation", { method: "POST", body });
      expect(res.status).toBe(400);
    }
  });

  it("refuses WebSocket upgrades on unknown paths and unknown sandboxes", async () => {
    await expect(RawSyncClient.open(server.cloudUrl, "/api/elsewhere")).rejects.toThrow(/404/);
    await expect(RawSyncClient.open(server.cloudUrl + "/s/nope")).rejects.toThrow(/404/);
  });
});

describe("quotas", () => {
  it("limits requests per second with 429", async () => {
    const limited = await startTestServer({ limits: { requestsPerSecond: 5 } });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 30 }, () =>
          fetch(limited.cloudUrl + "/api/query", {
            method: "POST",
            body: JSON.stringify({ path: "counters:get", args: { name: "q" }, format: "json" }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string; message?: string } })),
        ),
      );
      const refused = statuses.filter((s) => s.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0].body.message).toContain("requests per second");
    } finally {
      await limited.close();
    }
  });

  it("limits sandbox creation and WebSocket connections per sandbox", async () => {
    const strict = await startTestServer({ limits: { sandboxCreationsPerMinute: 6, maxConnections: 2 } });
    const sockets: RawSyncClient[] = [];
    try {
      expect((await fetch(strict.cloudUrl + "/api/sandboxes", { method: "POST" })).status).toBe(201);
      const second = await fetch(strict.cloudUrl + "/api/sandboxes", { method: "POST" });
      expect(second.status).toBe(429);
      expect(await second.json()).toMatchObject({ code: "TooManySandboxCreations" });
      sockets.push(await RawSyncClient.open(strict.cloudUrl), await RawSyncClient.open(strict.cloudUrl));
      await expect(RawSyncClient.open(strict.cloudUrl)).rejects.toThrow(/429/);
    } finally {
      sockets.forEach((s) => s.close());
      await strict.close();
    }
  });

  it("refuses writes once a sandbox holds its document limit", async () => {
    const small = await startTestServer({ limits: { maxDocuments: 3 } });
    try {
      const client = new ConvexHttpClient(small.cloudUrl);
      for (let i = 0; i < 3; i++) await client.mutation(api.counters.addNote, { text: `n${i}` });
      const res = await fetch(small.cloudUrl + "/api/mutation", {
        method: "POST",
        body: JSON.stringify({ path: "counters:addNote", args: { text: "too many" }, format: "json" }),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "SandboxDocumentLimit" });
      expect(await client.query(api.counters.notes, {})).toEqual(["n0", "n1", "n2"]);
    } finally {
      await small.close();
    }
  });
});
