/**
 * Reactive pagination: a subscribed paginated query keeps the end of its page
 * in the query journal, so pages stay gapless while rows come and go, and
 * `/api/query_at_ts` reads an older snapshot.
 */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";
import { createDeployment } from "../../../src/sandbox/index.ts";
import { waitFor } from "./counter-app.ts";

const api = anyApi;

const FILES: Record<string, string> = {
  "schema.ts": `
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({ items: defineTable({ n: v.number() }).index("by_n", ["n"]) });
`,
  "items.ts": `
import { v } from "convex/values";
import { paginationOptsValidator } from "convex/server";
import { query, mutation } from "./_generated/server";

export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: (ctx, { paginationOpts }) => ctx.db.query("items").withIndex("by_n").paginate(paginationOpts),
});
export const count = query({ args: {}, handler: async (ctx) => (await ctx.db.query("items").collect()).length });
export const add = mutation({ args: { n: v.number() }, handler: (ctx, { n }) => ctx.db.insert("items", { n }) });
export const remove = mutation({
  args: { n: v.number() },
  handler: async (ctx, { n }) => {
    const row = await ctx.db.query("items").withIndex("by_n", (q) => q.eq("n", n)).unique();
    if (row) await ctx.db.delete(row._id);
  },
});
`,
};

interface Page {
  page: Array<{ n: number }>;
  isDone: boolean;
  continueCursor: string;
}

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: FILES, log: () => {} });
});
afterAll(async () => {
  await server.close();
});

const numbers = (p: Page | null) => p?.page.map((d) => d.n) ?? [];

describe("paginated queries over the sync protocol", () => {
  it("keep each subscribed page gapless and stable while another client inserts and deletes", async () => {
    const writer = new ConvexHttpClient(server.cloudUrl);
    for (const n of [10, 20, 30, 40, 50, 60]) await writer.mutation(api.items.add, { n });

    const reader = new ConvexClient(server.cloudUrl, { logger: false });
    let first: Page | null = null;
    let second: Page | null = null;
    const stopFirst = reader.onUpdate(api.items.list, { paginationOpts: { numItems: 3, cursor: null } }, (p: Page) => (first = p));
    try {
      await waitFor(() => first !== null, 5000, "first page");
      expect(numbers(first)).toEqual([10, 20, 30]);
      const firstCursor = first!.continueCursor;
      const stopSecond = reader.onUpdate(
        api.items.list,
        { paginationOpts: { numItems: 3, cursor: firstCursor } },
        (p: Page) => (second = p),
      );
      try {
        await waitFor(() => second !== null, 5000, "second page");
        expect(numbers(second)).toEqual([40, 50, 60]);

        // A row inside the first page's range: the first page grows to 4 rows
        // (it ends where it ended before) and the second page is untouched.
        await writer.mutation(api.items.add, { n: 15 });
        await waitFor(() => numbers(first).length === 4, 5000, "first page to grow");
        expect(numbers(first)).toEqual([10, 15, 20, 30]);
        expect(first!.continueCursor).toBe(firstCursor);
        expect(numbers(second)).toEqual([40, 50, 60]);

        // Deleting the row the first page ended on shrinks it; nothing moves to or from the next page.
        await writer.mutation(api.items.remove, { n: 30 });
        await waitFor(() => numbers(first).length === 3, 5000, "first page to shrink");
        expect(numbers(first)).toEqual([10, 15, 20]);
        expect(first!.continueCursor).toBe(firstCursor);

        // Rows after the first page's end belong to the second page, which (being
        // the last) also takes rows added at the end: none is lost between pages.
        await writer.mutation(api.items.add, { n: 35 });
        await writer.mutation(api.items.add, { n: 70 });
        await waitFor(() => numbers(second).length === 5, 5000, "second page to grow");
        expect(numbers(first)).toEqual([10, 15, 20]);
        expect(numbers(second)).toEqual([35, 40, 50, 60, 70]);
        expect(second!.isDone).toBe(true);
      } finally {
        stopSecond();
      }
    } finally {
      stopFirst();
      await reader.close();
    }
  });

  it("without a journal, a page stops at numItems (one-shot HTTP query)", async () => {
    const http = new ConvexHttpClient(server.cloudUrl);
    const page = (await http.query(api.items.list, { paginationOpts: { numItems: 2, cursor: null } })) as Page;
    expect(page.page).toHaveLength(2);
    expect(page.isDone).toBe(false);
  });

  it("returns the journal with the end cursor and uses it on the next run (deployment API)", async () => {
    const deployment = await createDeployment({ files: FILES });
    for (const n of [10, 20, 30]) await deployment.runMutation({ path: "items:add", args: { n } });
    const args = { paginationOpts: { numItems: 2, cursor: null } };
    const firstRun = await deployment.runQuery({ path: "items:list", args });
    expect(firstRun.status).toBe("success");
    expect(typeof firstRun.journal).toBe("string");
    const firstPage = firstRun.value as unknown as Page;
    expect(JSON.parse(firstRun.journal!)).toEqual({ endCursor: firstPage.continueCursor });
    await deployment.runMutation({ path: "items:add", args: { n: 1 } });
    const rerun = await deployment.runQuery({ path: "items:list", args, journal: firstRun.journal });
    expect((rerun.value as unknown as Page).page).toHaveLength(3);
    expect((rerun.value as unknown as Page).continueCursor).toBe(firstPage.continueCursor);
    expect(rerun.journal).toBe(firstRun.journal);
    const plain = await deployment.runQuery({ path: "items:count", args: {} });
    expect(plain.journal).toBeNull();
    const bad = await deployment.runQuery({ path: "items:list", args, journal: "not a journal" });
    expect(bad.status).toBe("error");
    expect(bad.errorMessage).toMatch(/Invalid query journal/);
    await deployment.dispose();
  });
});

describe("/api/query_at_ts", () => {
  async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(server.cloudUrl + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  }

  it("reads the snapshot at the given timestamp, and says so clearly when it is no longer kept", async () => {
    const writer = new ConvexHttpClient(server.cloudUrl);
    const before = (await writer.query(api.items.count, {})) as number;
    const { ts } = (await post("/api/query_ts", {})) as { ts: string };
    await writer.mutation(api.items.add, { n: 1000 });
    const now = await post("/api/query_at_ts", { path: "items:count", args: {}, ts, format: "json" });
    expect(now).toMatchObject({ status: "success", value: before });
    expect(await writer.query(api.items.count, {})).toBe(before + 1);

    for (let i = 0; i < 40; i++) await writer.mutation(api.items.add, { n: 2000 + i });
    const old = await post("/api/query_at_ts", { path: "items:count", args: {}, ts, format: "json" });
    expect(old.status).toBe("error");
    expect(old.errorMessage).toMatch(/is too old to query: only recent snapshots are kept/);
  });
});
