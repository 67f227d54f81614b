/**
 * The platform services as users meet them: through the running sandbox
 * server with the real ConvexHttpClient / ConvexClient and plain fetch.
 */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.js";
import { platformFiles, waitFor } from "./fixtures.js";

const api = anyApi;
let server: SandboxServer;
beforeAll(async () => {
  const { "crons.ts": _noCrons, ...files } = platformFiles;
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: files, log: () => {} });
  expect(server.root?.initialPush?.ok).toBe(true);
});
afterAll(async () => {
  await server?.close();
});

async function token(subject: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await fetch(`${server.cloudUrl}/api/sandbox/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Convex ${server.root!.adminKey}` },
    body: JSON.stringify({ claims: { subject, ...extra } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}


describe("file storage over HTTP", () => {
  it("generateUploadUrl → POST bytes → storageId → getUrl serves them with their Content-Type", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    const uploadUrl: string = await client.mutation(api.files.uploadUrl, {});
    expect(uploadUrl.startsWith(`${server.cloudUrl}/api/storage/upload?token=`)).toBe(true);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const posted = await fetch(uploadUrl, { method: "POST", headers: { "Content-Type": "image/png" }, body: png });
    expect(posted.status).toBe(200);
    const { storageId } = (await posted.json()) as { storageId: string };
    const url: string = await client.query(api.files.url, { id: storageId });
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await got.arrayBuffer())]).toEqual([...png]);
    expect(await client.query(api.files.meta, { id: storageId })).toMatchObject({ storageId, size: 8, contentType: "image/png" });
    await client.mutation(api.files.remove, { id: storageId });
    expect((await fetch(url)).status).toBe(404);
    expect(await client.query(api.files.url, { id: storageId })).toBeNull();
  });

  it("store() and get() in actions (isolate executor)", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    const id: string = await client.action(api.files.storeText, { text: "stored by an action" });
    expect(await client.action(api.files.readText, { id })).toEqual({ text: "stored by an action", type: "text/plain" });
    const url: string = await client.query(api.files.url, { id });
    expect(await (await fetch(url)).text()).toBe("stored by an action");
  });

  it("a forged upload token is refused", async () => {
    const res = await fetch(`${server.cloudUrl}/api/storage/upload?token=nope`, { method: "POST", body: "x" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).toContain("Invalid upload token");
  });
});

describe("HTTP actions over HTTP", () => {
  it("serves routes on the site URL only, with Convex's 404s", async () => {
    const hello = await fetch(`${server.siteUrl}/hello`);
    expect([hello.status, await hello.text()]).toEqual([200, "hello stranger"]);
    const missing = await fetch(`${server.siteUrl}/missing`);
    expect([missing.status, await missing.text()]).toEqual([404, "No matching routes found"]);
    const onCloud = await fetch(`${server.cloudUrl}/hello`);
    expect(onCloud.status).toBe(404);
    const posted = await fetch(`${server.siteUrl}/messages`, { method: "POST", body: JSON.stringify({ body: "from fetch" }) });
    expect(posted.status).toBe(201);
    expect(await posted.json()).toContain("from fetch");
  });

  it("passes the bearer token's identity to the action", async () => {
    const jwt = await token("alice");
    const res = await fetch(`${server.siteUrl}/hello`, { headers: { Authorization: `Bearer ${jwt}` } });
    expect(await res.text()).toBe("hello alice");
  });
});

describe("auth with the sandbox's test identity provider", () => {
  it("ConvexHttpClient.setAuth reaches ctx.auth; tokenIdentifier is issuer|subject", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    client.setAuth(await token("bob", { name: "Bob", email: "bob@example.com" }));
    const identity = await client.query(api.messages.whoami, {});
    expect(identity).toMatchObject({ subject: "bob", issuer: server.cloudUrl, tokenIdentifier: `${server.cloudUrl}|bob`, name: "Bob" });
  });

  it("an expired token is refused", async () => {
    const client = new ConvexHttpClient(server.cloudUrl);
    client.setAuth(await token("carol", { expiresInSeconds: -30 }));
    await expect(client.query(api.messages.whoami, {})).rejects.toThrow(/Could not verify OIDC token claim/);
  });

  it("publishes OpenID discovery and JWKS that verify its tokens", async () => {
    const config = (await (await fetch(`${server.cloudUrl}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(config.issuer).toBe(server.cloudUrl);
    const jwt = await token("dave");
    const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(config.jwks_uri)), { issuer: server.cloudUrl, audience: "convex" });
    expect(payload.sub).toBe("dave");
  });

  it("ConvexClient over the WebSocket authenticates with the token", async () => {
    const jwt = await token("erin");
    const client = new ConvexClient(server.cloudUrl);
    try {
      client.setAuth(async () => jwt);
      const identity = await new Promise<Record<string, unknown> | null>((resolve) => {
        const unsubscribe = client.onUpdate(api.messages.whoami, {}, (value) => {
          if (value) {
            unsubscribe();
            resolve(value as Record<string, unknown>);
          }
        });
      });
      expect(identity?.tokenIdentifier).toBe(`${server.cloudUrl}|erin`);
    } finally {
      await client.close();
    }
  });
});

describe("auth failures over the WebSocket", () => {
  it("an expired or wrong-audience token is refused: setAuth reports false and queries see no identity", async () => {
    for (const claims of [{ expiresInSeconds: -30 }, { audience: "another-app" }]) {
      const jwt = await token("mallory", claims);
      const client = new ConvexClient(server.cloudUrl);
      try {
        const authenticated = new Promise<boolean>((resolve) => client.setAuth(async () => jwt, resolve));
        expect(await authenticated).toBe(false);
        const identity = await new Promise((resolve) => {
          const unsubscribe = client.onUpdate(api.messages.whoami, {}, (value) => {
            unsubscribe();
            resolve(value);
          });
        });
        expect(identity).toBeNull();
      } finally {
        await client.close();
      }
    }
  });
});

describe("scheduler through the clients", () => {
  it("a ConvexClient subscription watches a job go from pending to success", async () => {
    const client = new ConvexClient(server.cloudUrl);
    try {
      const seen: string[] = [];
      const done = new Promise<void>((resolve) => {
        client.onUpdate(api.jobs.list, {}, (jobs: Array<{ state: string; name: string }>) => {
          const job = jobs.find((j) => j.name === "messages.js:tick");
          if (job && seen.at(-1) !== job.state) seen.push(job.state);
          if (job?.state === "success") resolve();
        });
      });
      await new ConvexHttpClient(server.cloudUrl).mutation(api.jobs.later, { n: 7, delayMs: 1000 });
      await done;
      expect(seen).toEqual(["pending", "success"]);
      const http = new ConvexHttpClient(server.cloudUrl);
      expect(await waitFor(() => http.query(api.messages.ticks, {}), (n: number) => n >= 1)).toBe(1);
    } finally {
      await client.close();
    }
  });
});
