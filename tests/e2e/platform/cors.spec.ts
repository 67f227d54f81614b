/**
 * CORS as a browser enforces it against the sandbox's site URL: the sandbox
 * adds no CORS headers on the user's behalf, so a page on another origin is
 * blocked until the HTTP action sends them, and a preflighted request needs an
 * OPTIONS route.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";
import { platformFiles } from "../../integration/platform/fixtures.ts";

test.describe.configure({ mode: "serial", timeout: 60_000 });

let sandbox: SandboxServer;
let page: Server;
let pageOrigin: string;

test.beforeAll(async () => {
  const { "crons.ts": _c, "auth.config.ts": _a, ...files } = platformFiles;
  sandbox = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: files, executor: "inprocess", log: () => {} });
  page = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end("<!doctype html><title>Another origin</title><p>An app on another origin</p>");
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
});

/** Runs fetch in the page; returns the status and body, or the error the browser raised. */
type PageRequest = { method: string; headers?: Record<string, string>; body?: string };

async function fetchFromPage(p: import("@playwright/test").Page, url: string, init: PageRequest) {
  return p.evaluate(
    async ({ url, init }) => {
      try {
        const res = await fetch(url, init);
        return { ok: true as const, status: res.status, body: await res.text() };
      } catch (e) {
        return { ok: false as const, error: String(e) };
      }
    },
    { url, init },
  );
}

test("a response without CORS headers is blocked in the browser", async ({ page: p }) => {
  await p.goto(pageOrigin);
  const blocked = await fetchFromPage(p, `${sandbox.siteUrl}/no-cors`, { method: "POST", body: "hi" });
  expect(blocked).toEqual({ ok: false, error: "TypeError: Failed to fetch" });
  // The same request from Node (no browser, no CORS) succeeds: the server did answer.
  const direct = await fetch(`${sandbox.siteUrl}/no-cors`, { method: "POST", body: "hi" });
  expect(await direct.text()).toBe("made it");
});

test("a JSON POST passes once the OPTIONS route answers the preflight and the response allows the origin", async ({ page: p }) => {
  await p.goto(pageOrigin);
  const allowed = await fetchFromPage(p, `${sandbox.siteUrl}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ body: "from the browser" }),
  });
  expect(allowed.ok && allowed.status).toBe(201);
  expect(allowed.ok && JSON.parse(allowed.body)).toContain("from the browser");
  // The preflight itself, as the browser sends it:
  const preflight = await fetch(`${sandbox.siteUrl}/messages`, {
    method: "OPTIONS",
    headers: { Origin: pageOrigin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  expect([preflight.status, preflight.headers.get("access-control-allow-origin")]).toEqual([204, "*"]);
});

test("a preflighted request to a route without an OPTIONS handler is blocked", async ({ page: p }) => {
  await p.goto(pageOrigin);
  const blocked = await fetchFromPage(p, `${sandbox.siteUrl}/no-cors`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  expect(blocked).toEqual({ ok: false, error: "TypeError: Failed to fetch" });
});
