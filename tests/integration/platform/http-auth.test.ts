import { afterEach, describe, expect, it } from "vitest";
import { createPlatformDeployment, type PlatformDeployment } from "../../../src/sandbox/platform/attach.js";
import type { SerializedRequest } from "../../../src/sandbox/runtime/types.js";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.js";
import { platformFiles } from "./fixtures.js";

let deployment: PlatformDeployment | null = null;
afterEach(async () => {
  await deployment?.dispose();
  deployment = null;
});

const site = "http://127.0.0.1:3211";
const request = (path: string, method = "GET", body?: unknown): SerializedRequest => ({
  url: `${site}${path}`,
  method,
  headers: body === undefined ? [] : [["content-type", "application/json"]],
  bodyBase64: body === undefined ? null : Buffer.from(JSON.stringify(body)).toString("base64"),
});
const text = (b: string | null) => Buffer.from(b ?? "", "base64").toString("utf8");

describe("HTTP actions through the deployment API", () => {
  it("routes exact paths, prefixes and methods; 404 texts; HEAD as GET; no CORS added", async () => {
    deployment = await createPlatformDeployment({ files: platformFiles });
    const d = deployment;
    const hello = await d.runHttpAction!(request("/hello"));
    expect([hello.status, text(hello.bodyBase64)]).toEqual([200, "hello stranger"]);
    expect(hello.headers.some(([k]) => k.toLowerCase().startsWith("access-control"))).toBe(false);
    const file = await d.runHttpAction!(request("/files/a/b.txt"));
    expect(text(file.bodyBase64)).toBe("file /files/a/b.txt");
    const missing = await d.runHttpAction!(request("/nope"));
    expect([missing.status, text(missing.bodyBase64)]).toEqual([404, "No matching routes found"]);
    const wrongMethod = await d.runHttpAction!(request("/hello", "DELETE"));
    expect(wrongMethod.status).toBe(404);
    const head = await d.runHttpAction!(request("/hello", "HEAD"));
    expect([head.status, head.bodyBase64]).toEqual([200, null]);
    const boom = await d.runHttpAction!(request("/boom"));
    expect(boom.status).toBe(500);
    expect(JSON.parse(text(boom.bodyBase64)).code).toContain("kaboom");
  });

  it("runs ctx.runMutation / ctx.runQuery inside, and the OPTIONS route answers preflight", async () => {
    deployment = await createPlatformDeployment({ files: platformFiles });
    const res = await deployment.runHttpAction!(request("/messages", "POST", { body: "via http" }));
    expect([res.status, JSON.parse(text(res.bodyBase64))]).toEqual([201, ["via http"]]);
    const preflight = await deployment.runHttpAction!(request("/messages", "OPTIONS"));
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)["access-control-allow-methods"]).toBe("POST");
  });

  it("without http.ts: 404 with Convex's text", async () => {
    deployment = await createPlatformDeployment({ files: { "messages.ts": platformFiles["messages.ts"], "schema.ts": platformFiles["schema.ts"] } });
    const res = await deployment.runHttpAction!(request("/hello"));
    expect([res.status, text(res.bodyBase64)]).toEqual([404, "This Convex deployment does not have HTTP actions enabled."]);
  });
});

describe("auth through the deployment API", () => {
  it("the test provider's tokens verify against auth.config.ts and reach ctx.auth", async () => {
    deployment = await createPlatformDeployment({ files: platformFiles });
    const d = deployment;
    const token = await d.auth!.mint({ subject: "user-42", name: "Ada Lovelace", email: "ada@example.com" });
    const identity = await d.auth!.verify(token);
    expect(identity.tokenIdentifier).toBe(`${d.cloudUrl}|user-42`);
    const whoami = await d.runQuery({ path: "messages:whoami", args: {}, identity });
    expect(whoami.value).toMatchObject({ subject: "user-42", name: "Ada Lovelace", email: "ada@example.com", issuer: d.cloudUrl });
    expect((await d.runQuery({ path: "messages:whoami", args: {} })).value).toBeNull();
    const hello = await d.runHttpAction!(request("/hello"), identity);
    expect(text(hello.bodyBase64)).toBe("hello user-42");
    await expect(d.auth!.verify(await d.auth!.mint({ subject: "x", expiresInSeconds: -10 }))).rejects.toThrow(/Could not verify OIDC token claim/);
    await expect(d.auth!.verify(await d.auth!.mint({ subject: "x", audience: "someone-else" }))).rejects.toThrow(/No auth provider found/);
  });

  it("a push with a broken auth.config.ts fails with the file named", async () => {
    deployment = await createPlatformDeployment({ files: platformFiles });
    const result = await deployment.push({ ...platformFiles, "auth.config.ts": "export default { providers: [{ domain: 1 }] }" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toContain("auth.config.ts providers[0]: `domain` must be a non-empty string");
  });
});

describe("fetch() in actions", () => {
  it("reaches the example mail API (recorded), the own site URL, and refuses private addresses", async () => {
    deployment = await createPlatformDeployment({ files: platformFiles });
    const d = deployment;
    const sent = await d.runAction({ path: "messages:emailWelcome", args: { to: "new@user.test" } });
    expect(sent.value).toEqual({ status: 200, body: { id: "email_000001", status: "queued" } });
    expect(d.platform.fetch.mockApi.sentEmails()).toMatchObject([{ to: "new@user.test", subject: "Welcome", text: "Hello!" }]);
    const refused = await d.runAction({ path: "messages:fetchPrivate", args: { url: "http://192.168.1.10/admin" } });
    expect(refused.errorMessage).toContain("was refused: 192.168.1.10 is a loopback or private network address");
    const own = await d.runAction({ path: "messages:fetchOwnSite", args: { siteUrl: d.siteUrl } });
    expect(own.value ?? own.errorMessage).toBe("hello stranger");
  });
});

describe("crons through the deployment API", () => {
  it("registers crons.ts on push, runs and logs them, and a re-push without crons stops them", async () => {
    deployment = await createPlatformDeployment({ files: platformFiles });
    const d = deployment;
    expect(d.platform.crons.list().map((c) => [c.name, c.functionPath])).toEqual([["tick every second", "messages:tick"]]);
    await new Promise((r) => setTimeout(r, 1300));
    const runs = d.platform.crons.history();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[0]).toMatchObject({ cron: "tick every second", status: "success" });
    expect(runs[0].logLines.join("\n")).toMatch(/\[LOG\] .*tick.* 1/);
    const { "crons.ts": _gone, ...withoutCrons } = platformFiles;
    expect((await d.push(withoutCrons)).ok).toBe(true);
    expect(d.platform.crons.list()).toEqual([]);
    const count = (await d.runQuery({ path: "messages:ticks", args: {} })).value as number;
    await new Promise((r) => setTimeout(r, 1100));
    expect((await d.runQuery({ path: "messages:ticks", args: {} })).value).toBe(count);
  });
});

/** An app whose HTTP actions read the caller with a refused bearer token (see platform/auth/rejected-token.ts). */
const badTokenFiles: Record<string, string> = {
  "auth.config.ts": platformFiles["auth.config.ts"],
  "who.ts": `import { action, query, mutation } from "./_generated/server";
export const inQuery = query({ args: {}, handler: async (ctx) => ctx.auth.getUserIdentity() });
export const inMutation = mutation({ args: {}, handler: async (ctx) => ctx.auth.getUserIdentity() });
export const inAction = action({ args: {}, handler: async (ctx) => ctx.auth.getUserIdentity() });`,
  "http.ts": `import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { api } from "./_generated/api";
const http = httpRouter();
http.route({ path: "/whoami", method: "GET", handler: httpAction(async (ctx) => {
  const identity = await ctx.auth.getUserIdentity();
  return new Response(identity ? "hello " + identity.subject : "hello stranger");
})});
http.route({ path: "/public", method: "GET", handler: httpAction(async () => new Response("no identity needed", { status: 202 })) });
http.route({ path: "/nested", method: "GET", handler: httpAction(async (ctx) => {
  const seen = {
    query: await ctx.runQuery(api.who.inQuery, {}),
    mutation: await ctx.runMutation(api.who.inMutation, {}),
    action: await ctx.runAction(api.who.inAction, {}).then(() => "no error", (e) => e.message),
  };
  return new Response(JSON.stringify(seen), { headers: { "content-type": "application/json" } });
})});
export default http;`,
};

describe("HTTP actions with a refused bearer token (as Convex: the action runs, getUserIdentity throws)", () => {
  let server: SandboxServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it("through the site URL: garbage and expired tokens reach the action; reading the identity throws the verification error", async () => {
    server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: badTokenFiles, log: () => {} });
    expect(server.root?.initialPush?.ok).toBe(true);
    const get = (path: string, token?: string) => fetch(server!.siteUrl + path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

    // The same token on the HTTP API is refused up front, with the text the action's getUserIdentity() throws.
    const apiRefusal = await fetch(`${server.cloudUrl}/api/query`, {
      method: "POST",
      headers: { "content-type": "application/json", Authorization: "Bearer not-a-jwt" },
      body: JSON.stringify({ path: "who:inQuery", args: {}, format: "json" }),
    });
    expect(apiRefusal.status).toBe(401);
    const refusal = ((await apiRefusal.json()) as { message: string }).message;
    expect(refusal).toBe("Could not parse the token as a JWT: expected three base64url parts separated by dots.");

    const garbage = await get("/whoami", "not-a-jwt");
    expect(garbage.status).toBe(500);
    expect(((await garbage.json()) as { code: string }).code).toContain(refusal);

    const { deployment } = await server.sandboxes.get("_root")!.load();
    const expired = await deployment.auth!.mint({ subject: "late", expiresInSeconds: -10 });
    const late = await get("/whoami", expired);
    expect(late.status).toBe(500);
    expect(((await late.json()) as { code: string }).code).toMatch(/Could not verify OIDC token claim/);

    // An action that never asks who is calling is not affected.
    const open = await get("/public", "not-a-jwt");
    expect([open.status, await open.text()]).toEqual([202, "no identity needed"]);

    // Queries and mutations it runs see no identity; an action it runs throws too.
    const nested = await get("/nested", "not-a-jwt");
    expect(nested.status).toBe(200);
    const seen = (await nested.json()) as { query: unknown; mutation: unknown; action: string };
    expect([seen.query, seen.mutation]).toEqual([null, null]);
    expect(seen.action).toContain(refusal);

    // A valid token and no token behave as before.
    const valid = await deployment.auth!.mint({ subject: "user-7" });
    expect(await (await get("/whoami", valid)).text()).toBe("hello user-7");
    expect(await (await get("/whoami")).text()).toBe("hello stranger");
  });

  it("through the site URL: an Authorization header that is not `Bearer <token>` (Basic, a bare Bearer) runs the action; reading the identity throws Convex's header error", async () => {
    server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: badTokenFiles, log: () => {} });
    expect(server.root?.initialPush?.ok).toBe(true);
    const get = (path: string, authorization: string) => fetch(server!.siteUrl + path, { headers: { Authorization: authorization } });
    const code = async (res: Response) => [res.status, ((await res.json()) as { code: string }).code] as const;

    // A webhook with Basic auth that checks its own credentials is not affected.
    const webhook = await get("/public", "Basic dXNlcjpwYXNz");
    expect([webhook.status, await webhook.text()]).toEqual([202, "no identity needed"]);

    const [basicStatus, basicCode] = await code(await get("/whoami", "Basic dXNlcjpwYXNz"));
    expect(basicStatus).toBe(500);
    expect(basicCode).toContain("Invalid admin key");
    // Shorter than "Bearer " (the client trims the trailing space of "Bearer ").
    for (const header of ["Bearer", "Bearer ", "Basic"]) {
      const [status, text] = await code(await get("/whoami", header));
      expect([header, status]).toEqual([header, 500]);
      expect(text).toContain("Invalid authentication header");
    }

    const nested = await get("/nested", "Basic dXNlcjpwYXNz");
    expect(nested.status).toBe(200);
    const seen = (await nested.json()) as { query: unknown; mutation: unknown; action: string };
    expect([seen.query, seen.mutation]).toEqual([null, null]);
    expect(seen.action).toContain("Invalid admin key");

    // The scheme is matched in any case, as in Convex.
    const { deployment } = await server.sandboxes.get("_root")!.load();
    const valid = await deployment.auth!.mint({ subject: "user-8" });
    expect(await (await get("/whoami", `bearer ${valid}`)).text()).toBe("hello user-8");
  });

  it("through the site URL: `Convex <admin key>` is no user, acting as a user gives that identity, a wrong key throws on reading it", async () => {
    server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: badTokenFiles, log: () => {} });
    const adminKey = server.root!.adminKey;
    const get = (path: string, authorization: string) => fetch(server!.siteUrl + path, { headers: { Authorization: authorization } });
    expect(await (await get("/whoami", `Convex ${adminKey}`)).text()).toBe("hello stranger");
    const actingAs = Buffer.from(JSON.stringify({ subject: "acted-user", issuer: "https://issuer.test" })).toString("base64");
    expect(await (await get("/whoami", `Convex ${adminKey}:${actingAs}`)).text()).toBe("hello acted-user");
    const wrong = await get("/whoami", "Convex local-sandbox|" + "0".repeat(64));
    expect(wrong.status).toBe(500);
    expect(((await wrong.json()) as { code: string }).code).toContain("The provided admin key was invalid for this instance");
    const open = await get("/public", "Convex local-sandbox|" + "0".repeat(64));
    expect([open.status, await open.text()]).toEqual([202, "no identity needed"]);
  });
});
