import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, waitFor } from "./fixtures.ts";

function appFiles(deploymentUrl: string): Record<string, string> {
  return {
    "http.ts": `
import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
const http = httpRouter();
http.route({ path: "/hello", method: "GET", handler: httpAction(async (_ctx, req) => new Response("hello from " + new URL(req.url).pathname)) });
http.route({ path: "/echo", method: "POST", handler: httpAction(async (_ctx, req) => new Response(await req.text(), { status: 201, headers: { "x-echo": "yes" } })) });
export default http;
`,
    "files.ts": `
import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
export const uploadUrl = mutation({ args: {}, handler: (ctx) => ctx.storage.generateUploadUrl() });
export const url = query({ args: { id: v.id("_storage") }, handler: (ctx, { id }) => ctx.storage.getUrl(id) });
`,
    "auth.config.ts": `export default { providers: [{ domain: ${JSON.stringify(deploymentUrl)}, applicationID: "convex" }] };`,
    "users.ts": `
import { query } from "./_generated/server";
export const whoami = query({ args: {}, handler: async (ctx) => (await ctx.auth.getUserIdentity())?.subject ?? null });
`,
  };
}

let server: SandboxServer;
let sandbox: { id: string; url: string; siteUrl: string; adminKey: string };
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, log: () => {} });
  sandbox = await (await fetch(server.cloudUrl + "/api/sandboxes", { method: "POST" })).json();
  const pushed = await fetch(sandbox.url + "/api/sandbox/push", {
    method: "POST",
    headers: { Authorization: `Convex ${sandbox.adminKey}` },
    body: JSON.stringify({ files: appFiles(sandbox.url) }),
  });
  expect(pushed.status).toBe(200);
});
afterAll(async () => {
  await server.close();
});

describe("platform services through the server's routes", () => {
  it("serves HTTP actions on the site URL only", async () => {
    const hello = await fetch(sandbox.siteUrl + "/hello");
    expect(hello.status).toBe(200);
    expect(await hello.text()).toBe("hello from /hello");
    const echo = await fetch(sandbox.siteUrl + "/echo", { method: "POST", body: "ping" });
    expect(echo.status).toBe(201);
    expect(echo.headers.get("x-echo")).toBe("yes");
    expect(await echo.text()).toBe("ping");
    expect((await fetch(sandbox.url + "/hello")).status).toBe(404);
  });

  it("uploads through the upload URL and serves the file with Range support", async () => {
    const client = new ConvexHttpClient(sandbox.url);
    const uploadUrl: string = await client.mutation(api.files.uploadUrl, {});
    expect(uploadUrl.startsWith(sandbox.url + "/api/storage/upload?token=")).toBe(true);
    const uploaded = await fetch(uploadUrl, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "0123456789" });
    expect(uploaded.status).toBe(200);
    const { storageId } = (await uploaded.json()) as { storageId: string };
    const fileUrl: string = await client.query(api.files.url, { id: storageId });
    expect(fileUrl.startsWith(sandbox.url + "/api/storage/")).toBe(true);
    const whole = await fetch(fileUrl);
    expect(whole.headers.get("content-type")).toBe("text/plain");
    expect(await whole.text()).toBe("0123456789");
    const part = await fetch(fileUrl, { headers: { Range: "bytes=2-4" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 2-4/10");
    expect(await part.text()).toBe("234");
    const bad = await fetch(sandbox.url + "/api/storage/upload?token=forged", { method: "POST", body: "x" });
    expect(bad.status).toBe(400);
  });

  it("verifies Bearer tokens over HTTP and WebSocket with the sandbox's test identity provider", async () => {
    const minted = await fetch(sandbox.url + "/api/sandbox/token", {
      method: "POST",
      headers: { Authorization: `Convex ${sandbox.adminKey}` },
      body: JSON.stringify({ claims: { subject: "alice", name: "Alice" } }),
    });
    const { token } = (await minted.json()) as { token: string };
    const http = new ConvexHttpClient(sandbox.url);
    http.setAuth(token);
    expect(await http.query(api.users.whoami, {})).toBe("alice");

    const ws = new ConvexClient(sandbox.url, { logger: false });
    const seen: Array<string | null> = [];
    let authenticated: boolean | null = null;
    ws.setAuth(async () => token, (ok) => (authenticated = ok));
    const off = ws.onUpdate(api.users.whoami, {}, (v: string | null) => seen.push(v));
    try {
      await waitFor(() => seen.at(-1) === "alice", 5000, "identity over the socket");
      expect(authenticated).toBe(true);
    } finally {
      off();
      await ws.close();
    }

    const forged = await fetch(sandbox.url + "/api/query", {
      method: "POST",
      headers: { Authorization: "Bearer not.a.jwt", "Content-Type": "application/json" },
      body: JSON.stringify({ path: "users:whoami", args: {}, format: "json" }),
    });
    expect(forged.status).toBe(401);
    const discovery = (await (await fetch(sandbox.url + "/.well-known/openid-configuration")).json()) as { issuer: string };
    expect(discovery.issuer).toBe(sandbox.url);
  });
});
