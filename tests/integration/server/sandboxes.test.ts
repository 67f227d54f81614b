import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, COUNTER_FILES, waitFor } from "./fixtures.ts";

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, log: () => {} });
});
afterAll(async () => {
  await server.close();
});

interface Created {
  id: string;
  url: string;
  siteUrl: string;
  adminKey: string;
}

async function create(): Promise<Created> {
  const res = await fetch(server.cloudUrl + "/api/sandboxes", { method: "POST" });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

async function admin(sandbox: Created, method: string, path: string, body?: unknown, key = sandbox.adminKey) {
  const res = await fetch(sandbox.url + path, {
    method,
    headers: { Authorization: `Convex ${key}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("many sandboxes in one server", () => {
  it("creates sandboxes whose URLs the unmodified clients accept", async () => {
    const sandbox = await create();
    expect(sandbox.url).toBe(`${server.cloudUrl}/s/${sandbox.id}`);
    expect(sandbox.siteUrl).toBe(`${server.siteUrl}/s/${sandbox.id}`);
    const pushed = await admin(sandbox, "POST", "/api/sandbox/push", { files: COUNTER_FILES });
    expect(pushed.status).toBe(200);
    expect(pushed.json.ok).toBe(true);
    expect((pushed.json.functions as Array<{ path: string }>).map((f) => f.path)).toContain("counters:increment");

    const http = new ConvexHttpClient(sandbox.url);
    expect(await http.mutation(api.counters.increment, { name: "a" })).toBe(1);
    const ws = new ConvexClient(sandbox.url, { logger: false });
    const seen: number[] = [];
    const off = ws.onUpdate(api.counters.get, { name: "a" }, (v: number) => seen.push(v));
    try {
      await waitFor(() => seen.at(-1) === 1, 5000, "subscription through the sandbox URL");
      await http.mutation(api.counters.increment, { name: "a" });
      await waitFor(() => seen.at(-1) === 2, 5000, "update through the sandbox URL");
    } finally {
      off();
      await ws.close();
    }
  });

  it("keeps each sandbox's data to itself", async () => {
    const [one, two] = await Promise.all([create(), create()]);
    await admin(one, "POST", "/api/sandbox/push", { files: COUNTER_FILES });
    await admin(two, "POST", "/api/sandbox/push", { files: COUNTER_FILES });
    await new ConvexHttpClient(one.url).mutation(api.counters.addNote, { text: "only in one" });
    expect(await new ConvexHttpClient(one.url).query(api.counters.notes, {})).toEqual(["only in one"]);
    expect(await new ConvexHttpClient(two.url).query(api.counters.notes, {})).toEqual([]);
  });

  it("refuses admin calls with a missing or wrong key, including another sandbox's key", async () => {
    const [one, two] = await Promise.all([create(), create()]);
    expect((await admin(one, "POST", "/api/sandbox/push", { files: {} }, "wrong")).status).toBe(403);
    expect((await admin(one, "POST", "/api/sandbox/reset", undefined, two.adminKey)).status).toBe(403);
    const noKey = await fetch(one.url + "/api/sandbox/reset", { method: "POST" });
    expect(noKey.status).toBe(401);
    expect((await admin(one, "DELETE", "", undefined, two.adminKey)).status).toBe(403);
  });

  it("reports push errors with file and line, keeping the previous code", async () => {
    const sandbox = await create();
    await admin(sandbox, "POST", "/api/sandbox/push", { files: COUNTER_FILES });
    const bad = await admin(sandbox, "POST", "/api/sandbox/push", { files: { ...COUNTER_FILES, "broken.ts": "export const = ;" } });
    expect(bad.status).toBe(400);
    expect(bad.json.ok).toBe(false);
    const errors = bad.json.errors as Array<{ file: string; line: number }>;
    expect(errors[0].file).toBe("broken.ts");
    expect(errors[0].line).toBe(1);
    expect(bad.json.message).toContain("broken.ts:1");
    expect(await new ConvexHttpClient(sandbox.url).query(api.counters.get, { name: "z" })).toBe(0);
    expect((await admin(sandbox, "POST", "/api/sandbox/push", { files: { "../escape.ts": "" } })).status).toBe(400);
    expect((await admin(sandbox, "POST", "/api/sandbox/push", { files: "nope" })).status).toBe(400);
  });

  it("resets data, describes itself, and disappears on DELETE", async () => {
    const sandbox = await create();
    await admin(sandbox, "POST", "/api/sandbox/push", { files: COUNTER_FILES });
    const http = new ConvexHttpClient(sandbox.url);
    await http.mutation(api.counters.addNote, { text: "gone soon" });
    const info = await admin(sandbox, "GET", "/api/sandbox");
    expect(info.json).toMatchObject({ id: sandbox.id, usage: { documents: 1 } });
    expect(Object.keys(info.json.files as object)).toContain("counters.ts");
    expect((await admin(sandbox, "POST", "/api/sandbox/reset")).status).toBe(200);
    expect(await http.query(api.counters.notes, {})).toEqual([]);
    expect((await admin(sandbox, "DELETE", "")).status).toBe(200);
    const after = await fetch(sandbox.url + "/api/query", { method: "POST", body: JSON.stringify({ path: "counters:notes", args: {} }) });
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({ code: "SandboxNotFound" });
  });

  it("expires idle sandboxes", async () => {
    const expiring = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, sandboxIdleExpiryMs: 50, log: () => {} });
    try {
      const res = await fetch(expiring.cloudUrl + "/api/sandboxes", { method: "POST" });
      const { id } = (await res.json()) as Created;
      expect(expiring.sandboxes.get(id)).toBeDefined();
      await new Promise((r) => setTimeout(r, 100));
      await expiring.sandboxes.sweep();
      expect(expiring.sandboxes.get(id)).toBeUndefined();
    } finally {
      await expiring.close();
    }
  });

  it("unloads idle deployments from memory and reloads them with their data", async () => {
    const unloading = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, sandboxUnloadAfterMs: 50, log: () => {} });
    try {
      const created = (await (await fetch(unloading.cloudUrl + "/api/sandboxes", { method: "POST" })).json()) as Created;
      await fetch(created.url + "/api/sandbox/push", {
        method: "POST",
        headers: { Authorization: `Convex ${created.adminKey}` },
        body: JSON.stringify({ files: COUNTER_FILES }),
      });
      await new ConvexHttpClient(created.url).mutation(api.counters.addNote, { text: "kept" });
      const sandbox = unloading.sandboxes.get(created.id)!;
      expect(sandbox.isLoaded).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      await unloading.sandboxes.sweep();
      expect(sandbox.isLoaded).toBe(false);
      expect(await new ConvexHttpClient(created.url).query(api.counters.notes, {})).toEqual(["kept"]);
    } finally {
      await unloading.close();
    }
  });

  it("serves no root deployment without --dir", async () => {
    const res = await fetch(server.cloudUrl + "/api/query", { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "NoRootDeployment" });
  });
});
