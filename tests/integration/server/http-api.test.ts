import { ConvexHttpClient } from "convex/browser";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../../src/sandbox/server/index.ts";
import { api, startTestServer } from "./fixtures.ts";

let server: SandboxServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.cloudUrl + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** `setAdminAuth` is how the dashboard and CLI authenticate; it is marked internal in the client's types. */
function withAdminAuth(client: ConvexHttpClient, key: string, actingAs?: Record<string, string>): ConvexHttpClient {
  (client as unknown as { setAdminAuth(key: string, actingAs?: Record<string, string>): void }).setAdminAuth(key, actingAs);
  return client;
}

describe("HTTP API through ConvexHttpClient", () => {
  it("runs queries, mutations and actions", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    expect(await client.mutation(api.counters.increment, { name: "http" })).toBe(1);
    expect(await client.mutation(api.counters.increment, { name: "http", by: 4 })).toBe(5);
    expect(await client.query(api.counters.get, { name: "http" })).toBe(5);
    expect(await client.action(api.counters.double, { name: "http" })).toBe(10);
  });

  it("round-trips int64 and bytes", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    const result = await client.query(api.counters.int64, {});
    expect(result.big).toBe(5n);
    expect([...new Uint8Array(result.bytes)]).toEqual([1, 2, 3]);
  });

  it("delivers ConvexError data and the request-id error text", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    const error = await client.mutation(api.counters.fail, {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: string }>).data).toEqual({ code: "NOPE", detail: 42 });
    expect((error as Error).message).toMatch(/^\[Request ID: [0-9a-f]{16}\] Server Error\nUncaught ConvexError/);
  });

  it("answers 560 with errorMessage and logLines for function errors", async () => {
    const { status, json } = await post("/api/query", { path: "counters:nope", args: [{}], format: "convex_encoded_json" });
    expect(status).toBe(560);
    expect(json.status).toBe("error");
    expect(json.errorMessage).toContain("Could not find public function for 'counters:nope'");
    const ok = await post("/api/query", { path: "counters:get", args: { name: "x" }, format: "convex_encoded_json" });
    expect(ok).toEqual({ status: 200, json: { status: "success", value: 0, logLines: ["[LOG] 'reading' 'x'"] } });
  });

  it("serves /api/run/<path> in clean json format, /api/query_ts, /api/query_at_ts and /api/query_batch", async () => {
    const run = await post("/api/run/counters/int64", { args: {} });
    expect(run.json).toMatchObject({ status: "success", value: { big: "5", bytes: "AQID" } });
    const ts = await post("/api/query_ts", "");
    expect(typeof ts.json.ts).toBe("string");
    const at = await post("/api/query_at_ts", { path: "counters:get", args: [{ name: "http" }], ts: ts.json.ts, format: "convex_encoded_json" });
    expect(at.json.status).toBe("success");
    const batch = await post("/api/query_batch", {
      queries: [
        { path: "counters:get", args: { name: "http" }, format: "convex_encoded_json" },
        { path: "counters:missing", args: {}, format: "convex_encoded_json" },
      ],
    });
    const results = batch.json.results as Array<{ status: string }>;
    expect(results.map((r) => r.status)).toEqual(["success", "error"]);
    const fn = await post("/api/function", { path: "counters:increment", args: { name: "fn" }, format: "json" });
    expect(fn.json).toMatchObject({ status: "success", value: 1 });
  });

  it("hides internal functions unless called with the admin key", async () => {
    const anonymous = new ConvexHttpClient(server.cloudUrl);
    await expect(anonymous.query(api.counters.secret, {})).rejects.toThrow(/Could not find public function/);
    const admin = withAdminAuth(new ConvexHttpClient(server.cloudUrl), server.root!.adminKey);
    expect(await admin.query(api.counters.secret, {})).toBe("internal");
    const impersonating = withAdminAuth(new ConvexHttpClient(server.cloudUrl), server.root!.adminKey, {
      subject: "user-7",
      issuer: "https://issuer.test",
    });
    expect(await impersonating.query(api.counters.whoami, {})).toBe("user-7");
  });

  it("rejects malformed JSON, bad args, wrong admin keys and unknown routes with clear errors", async () => {
    expect(await post("/api/query", "{not json")).toMatchObject({ status: 400, json: { code: "BadJsonBody" } });
    expect(await post("/api/query", { path: "counters:get", args: [1, 2] })).toMatchObject({ status: 400, json: { code: "InvalidArgs" } });
    expect(await post("/api/query", { path: 7 })).toMatchObject({ status: 400 });
    expect(await post("/api/query", { path: "counters:get", args: {} }, { Authorization: "Convex wrong-key" })).toMatchObject({
      status: 403,
      json: { code: "BadAdminKey" },
    });
    // Any other Authorization header is refused as Convex refuses it (ExtractAuthenticationToken).
    const call = (authorization: string) => post("/api/query", { path: "counters:get", args: {} }, { Authorization: authorization });
    for (const header of ["Basic abc", "eyJhbGciOiJSUzI1NiJ9.e30.sig", "Token abcdef"]) {
      expect(await call(header)).toMatchObject({ status: 400, json: { code: "InvalidAdminKey", message: "Invalid admin key" } });
    }
    expect(await call("Basic")).toMatchObject({
      status: 400,
      json: { code: "InvalidHeaderFailure", message: "Invalid authentication header" },
    });
    // Schemes in any case: a lowercase `convex ` is still the admin key.
    expect(await call("convex wrong-key")).toMatchObject({ status: 403, json: { code: "BadAdminKey" } });
    const res = await fetch(server.cloudUrl + "/hello");
    expect(res.status).toBe(404);
  });

  it("answers CORS preflights and echoes the origin, as the cloud API does", async () => {
    const preflight = await fetch(server.cloudUrl + "/api/query", {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:4321", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,convex-client" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:4321");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,convex-client");
    const res = await fetch(server.cloudUrl + "/api/query_ts", { method: "POST", headers: { Origin: "http://localhost:4321" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:4321");
  });

  it("answers the site URL with 404 when the deployment has no HTTP actions", async () => {
    const res = await fetch(server.siteUrl + "/anything");
    expect(res.status).toBe(404);
  });
});
