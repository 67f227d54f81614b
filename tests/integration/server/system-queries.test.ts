import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, startTestServer, waitFor } from "./fixtures.ts";

const tablesRef = makeFunctionReference<"query", Record<string, never>, Array<{ name: string; count: number }>>(
  "_system/playground:tables",
);
const documentsRef = makeFunctionReference<"query", { table: string; limit?: number }, Array<Record<string, unknown>>>(
  "_system/playground:documents",
);
const notFound = (path: string) =>
  `Could not find public function for '${path}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`;

let server: SandboxServer;
let adminKey: string;
beforeAll(async () => {
  server = await startTestServer();
  adminKey = server.root!.adminKey;
});
afterAll(async () => {
  await server.close();
});

/** `setAdminAuth` exists on both clients but is left out of the package's typings. */
type WithAdminAuth = { setAdminAuth(key: string): void };
const withAdminAuth = <C>(client: C, key: string): C => ((client as unknown as WithAdminAuth).setAdminAuth(key), client);

function adminClient(url = server.cloudUrl, key = adminKey): ConvexClient {
  return withAdminAuth(new ConvexClient(url, { logger: false }), key);
}

/** A fresh sandbox from the admin API, with `files` pushed. */
async function newSandbox(files: Record<string, string>): Promise<{ url: string; adminKey: string }> {
  const created = (await (await fetch(`${server.cloudUrl}/api/sandboxes`, { method: "POST" })).json()) as { url: string; adminKey: string };
  const pushed = await fetch(`${created.url}/api/sandbox/push`, {
    method: "POST",
    headers: { authorization: `Convex ${created.adminKey}`, "content-type": "application/json" },
    body: JSON.stringify({ files }),
  });
  expect(pushed.status).toBe(200);
  return created;
}

describe("_system/playground queries", () => {
  it("lists user tables with counts, then _scheduled_functions and _storage, over HTTP with the admin key", async () => {
    const writer = new ConvexHttpClient(server.cloudUrl);
    await writer.mutation(api.counters.addNote, { text: "hello" });
    const admin = withAdminAuth(new ConvexHttpClient(server.cloudUrl), adminKey);
    const tables = await admin.query(tablesRef, {});
    expect(tables.map((t) => t.name)).toEqual(["counters", "notes", "_scheduled_functions", "_storage"]);
    expect(tables.find((t) => t.name === "notes")!.count).toBeGreaterThanOrEqual(1);
    const notes = await admin.query(documentsRef, { table: "notes", limit: 1 });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ text: "hello" });
    expect(typeof notes[0]._id).toBe("string");
  });

  it("updates a documents subscription when another client's mutation commits", async () => {
    const watcher = adminClient();
    const writer = new ConvexClient(server.cloudUrl, { logger: false });
    const seen: string[][] = [];
    const unsubscribe = watcher.onUpdate(documentsRef, { table: "notes" }, (docs) => seen.push(docs.map((d) => d.text as string)));
    try {
      await waitFor(() => seen.length === 1, 5000, "first result");
      await writer.mutation(api.counters.addNote, { text: "live one" });
      await waitFor(() => seen.at(-1)?.[0] === "live one", 5000, "update after mutation");
      // Newest first.
      await writer.mutation(api.counters.addNote, { text: "live two" });
      await waitFor(() => seen.at(-1)?.[0] === "live two" && seen.at(-1)?.[1] === "live one", 5000, "second update");
      // A write to another table leaves this read set alone.
      const count = seen.length;
      await writer.mutation(api.counters.increment, { name: "other" });
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.length).toBe(count);
    } finally {
      unsubscribe();
      await watcher.close();
      await writer.close();
    }
  });

  it("refuses callers without the admin key with Convex's own text, over HTTP and the WebSocket", async () => {
    const http = new ConvexHttpClient(server.cloudUrl);
    await expect(http.query(tablesRef, {})).rejects.toThrow(notFound("_system/playground:tables"));
    const ws = new ConvexClient(server.cloudUrl, { logger: false });
    try {
      await expect(ws.query(documentsRef, { table: "notes" })).rejects.toThrow(notFound("_system/playground:documents"));
    } finally {
      await ws.close();
    }
    const raw = await fetch(`${server.cloudUrl}/api/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "_system/playground:tables", args: {}, format: "json" }),
    });
    expect(((await raw.json()) as { errorMessage: string }).errorMessage).toContain(notFound("_system/playground:tables"));
  });

  it("rejects bad arguments, unknown system paths and calls as a mutation", async () => {
    const admin = withAdminAuth(new ConvexHttpClient(server.cloudUrl), adminKey);
    await expect(admin.query(documentsRef, { table: "no such table!" })).rejects.toThrow("`table` must be a table name");
    await expect(admin.query(documentsRef, { table: "notes", limit: 0 })).rejects.toThrow("`limit` must be an integer from 1 to 1000");
    await expect(admin.query(makeFunctionReference<"query">("_system/playground:nope"), {})).rejects.toThrow(
      "Could not find function for '_system/playground:nope'.",
    );
    await expect(admin.mutation(makeFunctionReference<"mutation">("_system/playground:tables"), {})).rejects.toThrow(
      "Trying to execute _system/playground.js:tables as Mutation, but it is defined as Query.",
    );
  });

  it("never appears in the push result or the sandbox's function list", async () => {
    const paths = server.root!.initialPush!.ok ? server.root!.initialPush!.functions.map((f) => f.path) : [];
    expect(paths).toContain("counters:get");
    expect(paths.some((p) => p.startsWith("_system/"))).toBe(false);
    const sandbox = await newSandbox({ "items.ts": ITEMS });
    const info = (await (await fetch(`${sandbox.url}/api/sandbox`, { headers: { authorization: `Convex ${sandbox.adminKey}` } })).json()) as {
      functions: Array<{ path: string }>;
    };
    expect(info.functions.map((f) => f.path).sort()).toEqual(["items:add", "items:later"]);
  });

  it("re-runs the table list when a new table appears, and shows scheduled functions", async () => {
    const sandbox = await newSandbox({ "items.ts": ITEMS });
    const watcher = adminClient(sandbox.url, sandbox.adminKey);
    const writer = new ConvexClient(sandbox.url, { logger: false });
    let tables: Array<{ name: string; count: number }> = [];
    let scheduled: Array<Record<string, unknown>> = [];
    const stopTables = watcher.onUpdate(tablesRef, {}, (t) => (tables = t));
    const stopScheduled = watcher.onUpdate(documentsRef, { table: "_scheduled_functions" }, (d) => (scheduled = d));
    try {
      await waitFor(() => tables.length === 2, 5000, "first table list");
      expect(tables).toEqual([
        { name: "_scheduled_functions", count: 0 },
        { name: "_storage", count: 0 },
      ]);
      await writer.mutation(makeFunctionReference<"mutation">("items:add"), { name: "first" });
      await waitFor(() => tables.length === 3, 5000, "new table listed");
      expect(tables[0]).toEqual({ name: "items", count: 1 });
      await writer.mutation(makeFunctionReference<"mutation">("items:later"), {});
      await waitFor(() => scheduled.length === 1, 5000, "scheduled job listed");
      expect(scheduled[0]).toMatchObject({ name: "items.js:add", state: { kind: "pending" } });
      expect(typeof scheduled[0].scheduledTime).toBe("number");
    } finally {
      stopTables();
      stopScheduled();
      await watcher.close();
      await writer.close();
    }
  });
});

const ITEMS = `
import { mutation } from "./_generated/server";
import { api } from "./_generated/api";
import { v } from "convex/values";

export const add = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => ctx.db.insert("items", { name }),
});

export const later = mutation({
  args: {},
  handler: async (ctx) => {
    await ctx.scheduler.runAfter(60_000, api.items.add, { name: "later" });
  },
});
`;
