/**
 * Deployment environment variables through the server, the way `npx convex
 * env` and the clients meet them: Convex's admin routes
 * (`/api/update_environment_variables`, `/api/list_environment_variables`)
 * with the admin key, `process.env` in every kind of function and at module
 * top level, live subscriptions re-run after a change, the CLI's system
 * queries, persistence across a restart, and Convex's error texts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { anyApi, makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "./counter-app.ts";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index.ts";

const api = anyApi;

const FILES: Record<string, string> = {
  "env.ts": `
import { query, mutation, action } from "./_generated/server";
const atImport = process.env.GREETING ?? null;
const read = () => ({ atImport, now: process.env.GREETING ?? null });
export const inQuery = query({ args: {}, handler: async () => read() });
export const inMutation = mutation({ args: {}, handler: async () => read() });
export const inAction = action({ args: {}, handler: async () => read() });
`,
  "http.ts": `
import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
const http = httpRouter();
http.route({ path: "/greeting", method: "GET", handler: httpAction(async () => new Response(process.env.GREETING ?? "(unset)")) });
export default http;
`,
};

type Read = { atImport: string | null; now: string | null };
type EnvVarDocument = { _id: string; _creationTime: number; name: string; value: string };

function admin(url: string, adminKey: string) {
  const headers = { authorization: `Convex ${adminKey}`, "content-type": "application/json" };
  return {
    update: (changes: unknown, key = adminKey) =>
      fetch(`${url}/api/update_environment_variables`, {
        method: "POST",
        headers: { ...headers, authorization: `Convex ${key}` },
        body: JSON.stringify({ changes }),
      }),
    list: async () => {
      const res = await fetch(`${url}/api/list_environment_variables`, { headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as { environmentVariables: Record<string, string> }).environmentVariables;
    },
  };
}

async function set(url: string, adminKey: string, changes: Array<{ name: string; value: string | null }>): Promise<void> {
  const res = await admin(url, adminKey).update(changes);
  expect(res.status, await res.clone().text()).toBe(200);
}

for (const executor of ["isolate", "inprocess"] as const) {
  describe(`environment variables through the server (${executor} executor)`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sandbox-env-"));
    let server: SandboxServer;
    let adminKey: string;
    const start = (rootEnvironmentVariables?: Record<string, string>) =>
      startSandboxServer({ port: 0, sitePort: 0, dataDir, rootFiles: FILES, executor, log: () => {}, ...(rootEnvironmentVariables ? { rootEnvironmentVariables } : {}) });

    beforeAll(async () => {
      server = await start();
      adminKey = server.root!.adminKey;
    });
    afterAll(async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("sets variables over the admin API and shows them to every kind of function and to top-level code", async () => {
      const client = new ConvexHttpClient(server.cloudUrl);
      expect(await client.query(api.env.inQuery, {})).toEqual({ atImport: null, now: null });
      await set(server.cloudUrl, adminKey, [{ name: "GREETING", value: "hello" }, { name: "OTHER", value: "x" }]);
      expect(await admin(server.cloudUrl, adminKey).list()).toEqual({ GREETING: "hello", OTHER: "x" });
      const expected: Read = { atImport: "hello", now: "hello" };
      expect(await client.query(api.env.inQuery, {})).toEqual(expected);
      expect(await client.mutation(api.env.inMutation, {})).toEqual(expected);
      expect(await client.action(api.env.inAction, {})).toEqual(expected);
      expect(await (await fetch(`${server.siteUrl}/greeting`)).text()).toBe("hello");

      await set(server.cloudUrl, adminKey, [{ name: "OTHER", value: null }]);
      expect(await admin(server.cloudUrl, adminKey).list()).toEqual({ GREETING: "hello" });
    });

    it("re-runs a live subscription when a variable changes", async () => {
      const live = new ConvexClient(server.cloudUrl);
      const seen: Read[] = [];
      const unsubscribe = live.onUpdate(api.env.inQuery, {}, (value: Read) => seen.push(value));
      try {
        await waitFor(() => seen.length > 0, 30_000, "the first result");
        expect(seen.at(-1)).toEqual({ atImport: "hello", now: "hello" });
        await set(server.cloudUrl, adminKey, [{ name: "GREETING", value: "bonjour" }]);
        await waitFor(() => seen.at(-1)?.now === "bonjour", 30_000, "the re-run after the change");
        expect(seen.at(-1)).toEqual({ atImport: "bonjour", now: "bonjour" });
      } finally {
        unsubscribe();
        await live.close();
      }
    });

    it("answers the system queries `npx convex env list` and `env get` use", async () => {
      const client = new ConvexHttpClient(server.cloudUrl);
      // `setAdminAuth` is left out of the package's typings.
      (client as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
      const list = makeFunctionReference<"query">("_system/cli/queryEnvironmentVariables");
      const get = makeFunctionReference<"query">("_system/cli/queryEnvironmentVariables:get");
      // As in Convex, the list is the `_environment_variables` documents in name order.
      const [greeting] = (await client.query(list, {})) as EnvVarDocument[];
      expect(greeting).toEqual({ _id: expect.any(String), _creationTime: expect.any(Number), name: "GREETING", value: "bonjour" });
      expect(greeting._id).toMatch(/^[0-9a-hjkmnp-tv-z]{31,37}$/);
      expect(greeting._creationTime).toBeGreaterThan(Date.now() - 600_000);
      expect(greeting._creationTime).toBeLessThanOrEqual(Date.now());
      // Another variable is a new document; setting one again replaces its document (a new _id, even for the same value).
      await set(server.cloudUrl, adminKey, [{ name: "ANOTHER", value: "1" }]);
      const withAnother = (await client.query(list, {})) as EnvVarDocument[];
      expect(withAnother.map((d) => d.name)).toEqual(["ANOTHER", "GREETING"]);
      expect(withAnother[1]).toEqual(greeting);
      expect(withAnother[0]._creationTime).toBeGreaterThan(greeting._creationTime);
      await set(server.cloudUrl, adminKey, [{ name: "GREETING", value: "bonjour" }, { name: "ANOTHER", value: null }]);
      const [again, ...rest] = (await client.query(list, {})) as EnvVarDocument[];
      expect(rest).toEqual([]);
      expect(again.name).toBe("GREETING");
      expect(again._id).not.toBe(greeting._id);
      expect(again._creationTime).toBeGreaterThan(withAnother[0]._creationTime);
      expect(await client.query(get, { name: "GREETING" })).toEqual({ name: "GREETING", value: "bonjour" });
      expect(await client.query(get, { name: "MISSING" })).toBeNull();
      expect(await client.query(get, { name: "CONVEX_CLOUD_URL" })).toEqual({ name: "CONVEX_CLOUD_URL", value: server.cloudUrl });
      const anonymous = new ConvexHttpClient(server.cloudUrl);
      await expect(anonymous.query(list, {})).rejects.toThrow("Could not find public function for '_system/cli/queryEnvironmentVariables");
    });

    it("refuses a wrong or missing admin key and bad input with Convex's texts, changing nothing", async () => {
      const api_ = admin(server.cloudUrl, adminKey);
      const wrongKey = await api_.update([{ name: "A", value: "1" }], "local-sandbox|" + "0".repeat(64));
      expect(wrongKey.status).toBe(403);
      const noKey = await fetch(`${server.cloudUrl}/api/list_environment_variables`);
      expect(noKey.status).toBe(401);

      const badName = await api_.update([{ name: "A", value: "1" }, { name: "my-key", value: "1" }]);
      expect(badName.status).toBe(400);
      expect(await badName.json()).toEqual({
        code: "EnvironmentVariableNameInvalid",
        message:
          "The environment variable name my-key is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.",
      });
      const builtIn = await api_.update([{ name: "CONVEX_CLOUD_URL", value: "https://elsewhere" }]);
      expect(await builtIn.json()).toEqual({
        code: "EnvVarNameForbidden",
        message: 'Environment variable with name "CONVEX_CLOUD_URL" is built-in and cannot be overridden',
      });
      const tooLong = await api_.update([{ name: "A".repeat(257), value: "1" }]);
      expect(((await tooLong.json()) as { code: string }).code).toBe("EnvironmentVariableNameTooLong");
      const tooLarge = await api_.update([{ name: "BIG", value: "é".repeat(4097) }]);
      expect(await tooLarge.json()).toEqual({
        code: "EnvironmentVariableValueTooLarge",
        message: "The environment variable value is 8194 bytes, which is too large. (max size: 8192",
      });
      const tooMany = await api_.update(Array.from({ length: 512 }, (_, i) => ({ name: `V${i}`, value: "1" })));
      expect(await tooMany.json()).toEqual({ code: "EnvVarLimitMet", message: "The environment variable limit (512) has been met." });
      const malformed = await api_.update({ GREETING: "x" });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { code: string }).code).toBe("BadJsonBody");

      expect(await api_.list()).toEqual({ GREETING: "bonjour" });
    });

    it("keeps the variables (and their documents) across a restart, and sets the ones given at start", async () => {
      const adminClient = () => {
        const c = new ConvexHttpClient(server.cloudUrl);
        (c as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
        return c;
      };
      const list = makeFunctionReference<"query">("_system/cli/queryEnvironmentVariables");
      const before = (await adminClient().query(list, {})) as EnvVarDocument[];
      await server.close();
      server = await start({ FROM_START: "yes" });
      expect(server.root!.adminKey).toBe(adminKey);
      expect(await admin(server.cloudUrl, adminKey).list()).toEqual({ FROM_START: "yes", GREETING: "bonjour" });
      const after = (await adminClient().query(list, {})) as EnvVarDocument[];
      expect(after.map((d) => d.name)).toEqual(["FROM_START", "GREETING"]);
      expect(after[1]).toEqual(before.find((d) => d.name === "GREETING"));
      expect(after[0]._creationTime).toBeGreaterThan(after[1]._creationTime);
      const client = new ConvexHttpClient(server.cloudUrl);
      expect(await client.query(api.env.inQuery, {})).toEqual({ atImport: "bonjour", now: "bonjour" });
    });

    it("refuses to start with a bad starting variable", async () => {
      await expect(
        startSandboxServer({ port: 0, sitePort: 0, dataDir: null, rootFiles: FILES, executor, log: () => {}, rootEnvironmentVariables: { "1X": "y" } }),
      ).rejects.toThrow("The environment variable name 1X is invalid.");
    });

    it("keeps each sandbox's variables to itself and drops them with the sandbox", async () => {
      const create = async () =>
        (await (await fetch(`${server.cloudUrl}/api/sandboxes`, { method: "POST" })).json()) as { url: string; adminKey: string };
      const [a, b] = [await create(), await create()];
      for (const s of [a, b]) {
        const pushed = await fetch(`${s.url}/api/sandbox/push`, {
          method: "POST",
          headers: { authorization: `Convex ${s.adminKey}`, "content-type": "application/json" },
          body: JSON.stringify({ files: FILES }),
        });
        expect(pushed.status).toBe(200);
      }
      await set(a.url, a.adminKey, [{ name: "GREETING", value: "only in a" }]);
      expect(await new ConvexHttpClient(a.url).query(api.env.inQuery, {})).toEqual({ atImport: "only in a", now: "only in a" });
      expect(await new ConvexHttpClient(b.url).query(api.env.inQuery, {})).toEqual({ atImport: null, now: null });
      expect(await admin(b.url, b.adminKey).list()).toEqual({});
      // B's admin key does not open A.
      expect((await admin(a.url, a.adminKey).update([{ name: "X", value: "1" }], b.adminKey)).status).toBe(403);

      const id = a.url.split("/s/")[1];
      expect((await fetch(a.url, { method: "DELETE", headers: { authorization: `Convex ${a.adminKey}` } })).status).toBe(200);
      const db = new Database(join(dataDir, "sandbox.sqlite"), { readonly: true });
      const envRows = db.prepare("SELECT name FROM environment_variables WHERE sandbox_id = ?").all(id);
      db.close();
      expect(envRows).toEqual([]);
    });
  });
}

describe("environment variables in auth.config.ts", () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, executor: "inprocess", log: () => {} });
  });
  afterAll(async () => {
    await server.close();
  });

  it("evaluates it with the variables, again after each change, and refuses a change that breaks it", async () => {
    const sandbox = (await (await fetch(`${server.cloudUrl}/api/sandboxes`, { method: "POST" })).json()) as { url: string; adminKey: string };
    const headers = { authorization: `Convex ${sandbox.adminKey}`, "content-type": "application/json" };
    const files = {
      "auth.config.ts": `export default { providers: [{ domain: process.env.AUTH_DOMAIN!, applicationID: "convex" }] };`,
      "me.ts": `import { query } from "./_generated/server";\nexport const whoami = query({ args: {}, handler: async (ctx) => (await ctx.auth.getUserIdentity())?.subject ?? null });\n`,
    };
    const push = () => fetch(`${sandbox.url}/api/sandbox/push`, { method: "POST", headers, body: JSON.stringify({ files }) });

    const unset = await push();
    expect(unset.status).toBe(400);
    expect(((await unset.json()) as { message: string }).message).toContain("is an environment variable unset?");

    await set(sandbox.url, sandbox.adminKey, [{ name: "AUTH_DOMAIN", value: sandbox.url }]);
    expect((await push()).status).toBe(200);
    const token = ((await (await fetch(`${sandbox.url}/api/sandbox/token`, { method: "POST", headers, body: JSON.stringify({ claims: { subject: "alice" } }) })).json()) as { token: string }).token;
    const client = new ConvexHttpClient(sandbox.url);
    client.setAuth(token);
    expect(await client.query(api.me.whoami, {})).toBe("alice");

    const breaking = await admin(sandbox.url, sandbox.adminKey).update([{ name: "AUTH_DOMAIN", value: "" }]);
    expect(breaking.status).toBe(400);
    const refusal = (await breaking.json()) as { code: string; message: string };
    expect(refusal.code).toBe("InvalidAuthConfig");
    expect(refusal.message).toMatch(/^This change would make the auth config invalid: .*is an environment variable unset\?/);
    expect(await admin(sandbox.url, sandbox.adminKey).list()).toEqual({ AUTH_DOMAIN: sandbox.url });
    expect(await client.query(api.me.whoami, {})).toBe("alice");

    await set(sandbox.url, sandbox.adminKey, [{ name: "AUTH_DOMAIN", value: "https://issuer.example" }]);
    await expect(client.query(api.me.whoami, {})).rejects.toThrow("No auth provider found matching the given token");
  });
});
