/**
 * What functions find in their environment, under both executors:
 * `process.env.CONVEX_CLOUD_URL`/`CONVEX_SITE_URL`, the static
 * `Response.json` / `Response.redirect` in HTTP actions, and a request body
 * read as a Blob typed with the request's Content-Type.
 */
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";

const api = anyApi;

const FILES: Record<string, string> = {
  "env.ts": `
import { query, mutation, action } from "./_generated/server";
const urls = () => ({ cloud: process.env.CONVEX_CLOUD_URL, site: process.env.CONVEX_SITE_URL });
export const inQuery = query({ args: {}, handler: async () => urls() });
export const inMutation = mutation({
  args: {},
  handler: async () => {
    // As on Convex, an assignment to process.env is never read back.
    process.env.CONVEX_SITE_URL = "changed";
    return urls();
  },
});
export const inAction = action({ args: {}, handler: async () => urls() });
`,
  "http.ts": `
import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
const http = httpRouter();
http.route({
  path: "/json",
  method: "GET",
  handler: httpAction(async () => Response.json({ ok: true, site: process.env.CONVEX_SITE_URL }, { status: 201, headers: { "x-kind": "json" } })),
});
http.route({
  path: "/typed",
  method: "GET",
  handler: httpAction(async () => Response.json([1, 2], { headers: { "content-type": "application/vnd.list+json" } })),
});
http.route({
  path: "/blob",
  method: "POST",
  handler: httpAction(async (_ctx, request) => {
    const blob = await request.blob();
    return Response.json({ type: blob.type, size: blob.size });
  }),
});
http.route({ path: "/moved", method: "GET", handler: httpAction(async () => Response.redirect("https://example.com/new")) });
http.route({ path: "/moved-permanently", method: "GET", handler: httpAction(async () => Response.redirect("https://example.com/new", 301)) });
export default http;
`,
};

for (const executor of ["isolate", "inprocess"] as const) {
  describe(`function environment (${executor} executor)`, () => {
    let server: SandboxServer;
    beforeAll(async () => {
      server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: FILES, executor, log: () => {} });
    });
    afterAll(async () => {
      await server.close();
    });

    it("gives queries, mutations and actions the deployment's URLs in process.env", async () => {
      const client = new ConvexHttpClient(server.cloudUrl);
      const expected = { cloud: server.cloudUrl, site: server.siteUrl };
      expect(await client.query(api.env.inQuery, {})).toEqual(expected);
      expect(await client.mutation(api.env.inMutation, {})).toEqual(expected);
      expect(await client.query(api.env.inQuery, {})).toEqual(expected);
      expect(await client.action(api.env.inAction, {})).toEqual(expected);
    });

    it("serves Response.json from an HTTP action with its status, headers and JSON content type", async () => {
      const res = await fetch(`${server.siteUrl}/json`);
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-kind")).toBe("json");
      expect(await res.json()).toEqual({ ok: true, site: server.siteUrl });
      const typed = await fetch(`${server.siteUrl}/typed`);
      expect(typed.status).toBe(200);
      expect(typed.headers.get("content-type")).toBe("application/vnd.list+json");
      expect(await typed.json()).toEqual([1, 2]);
    });

    it("gives request.blob() in an HTTP action the request's Content-Type", async () => {
      const res = await fetch(`${server.siteUrl}/blob`, {
        method: "POST",
        headers: { "Content-Type": "image/png" },
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      });
      expect(await res.json()).toEqual({ type: "image/png", size: 4 });
    });

    it("serves Response.redirect with 302 by default or the given status", async () => {
      const found = await fetch(`${server.siteUrl}/moved`, { redirect: "manual" });
      expect(found.status).toBe(302);
      expect(found.headers.get("location")).toBe("https://example.com/new");
      const moved = await fetch(`${server.siteUrl}/moved-permanently`, { redirect: "manual" });
      expect(moved.status).toBe(301);
    });
  });
}
