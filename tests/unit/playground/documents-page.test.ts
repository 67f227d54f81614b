/**
 * `_system/playground:documentsPage`, the data view's paging through a whole
 * table: real clients with the sandbox's admin key against a running server.
 */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";

type Page = { page: Array<Record<string, unknown>>; isDone: boolean; continueCursor: string };
type PageArgs = { table: string; paginationOpts: { numItems: number; cursor: string | null } };
const pageRef = makeFunctionReference<"query", PageArgs, Page>("_system/playground:documentsPage");
const add = makeFunctionReference<"mutation", { n: number }, string>("items:add");
const remove = makeFunctionReference<"mutation", { id: string }, null>("items:remove");

const files = {
  "items.ts": `import { mutation } from "./_generated/server";
import { v } from "convex/values";
export const add = mutation({ args: { n: v.number() }, handler: (ctx, { n }) => ctx.db.insert("items", { n }) });
export const remove = mutation({ args: { id: v.id("items") }, handler: (ctx, { id }) => ctx.db.delete(id) });`,
};

let server: SandboxServer;
let admin: ConvexHttpClient;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: files, log: () => {} });
  admin = new ConvexHttpClient(server.cloudUrl);
  (admin as unknown as { setAdminAuth(key: string): void }).setAdminAuth(server.root!.adminKey);
  const writer = new ConvexHttpClient(server.cloudUrl);
  for (let n = 1; n <= 7; n++) await writer.mutation(add, { n });
});
afterAll(async () => {
  await server.close();
});

async function allPages(numItems: number): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await admin.query(pageRef, { table: "items", paginationOpts: { numItems, cursor } });
    pages.push(page);
    cursor = page.continueCursor;
  } while (!pages.at(-1)!.isDone && pages.length < 20);
  return pages;
}

describe("_system/playground:documentsPage", () => {
  it("pages through the whole table, newest first, each document once", async () => {
    const pages = await allPages(3);
    expect(pages.map((p) => p.page.map((d) => d.n))).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
    expect(pages.map((p) => p.isDone)).toEqual([false, false, true]);
  });

  it("keeps a later page live: a delete inside it re-runs just that page", async () => {
    const [first] = await allPages(3);
    const watcher = new ConvexClient(server.cloudUrl, { logger: false });
    (watcher as unknown as { setAdminAuth(key: string): void }).setAdminAuth(server.root!.adminKey);
    const seen: number[][] = [];
    const stop = watcher.onUpdate(pageRef, { table: "items", paginationOpts: { numItems: 3, cursor: first.continueCursor } }, (p) =>
      seen.push(p.page.map((d) => d.n as number)),
    );
    try {
      await until(() => seen.length > 0);
      expect(seen[0]).toEqual([4, 3, 2]);
      const second = await admin.query(pageRef, { table: "items", paginationOpts: { numItems: 3, cursor: first.continueCursor } });
      await new ConvexHttpClient(server.cloudUrl).mutation(remove, { id: second.page[1]._id as string });
      await until(() => JSON.stringify(seen.at(-1)) === JSON.stringify([4, 2, 1]));
      expect(seen.at(-1)).toEqual([4, 2, 1]);
    } finally {
      stop();
      await watcher.close();
    }
  });

  it("is refused without the admin key, and bad arguments get clear errors", async () => {
    await expect(
      new ConvexHttpClient(server.cloudUrl).query(pageRef, { table: "items", paginationOpts: { numItems: 3, cursor: null } }),
    ).rejects.toThrow("Could not find public function for '_system/playground:documentsPage'");
    await expect(admin.query(pageRef, { table: "items", paginationOpts: { numItems: 0, cursor: null } })).rejects.toThrow(
      "`paginationOpts.numItems` must be an integer from 1 to 1000",
    );
    await expect(admin.query(pageRef, { table: "items" } as unknown as PageArgs)).rejects.toThrow("`paginationOpts` must be an object");
    await expect(
      admin.query(pageRef, { table: "items", paginationOpts: { numItems: 3, cursor: null, extra: 1 } } as unknown as PageArgs),
    ).rejects.toThrow("Unexpected argument `paginationOpts.extra`");
    await expect(admin.query(pageRef, { table: "items", paginationOpts: { numItems: 3, cursor: "garbage" } })).rejects.toThrow(
      "InvalidCursor: Tried to run a query starting from a cursor, but it looks like this cursor is from a different query.",
    );
  });
});

async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}
