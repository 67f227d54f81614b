import { afterEach, describe, expect, it } from "vitest";
import { createPlatformDeployment, type PlatformDeployment } from "../../../src/sandbox/platform/attach.js";
import type { SerializedRequest } from "../../../src/sandbox/runtime/types.js";
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
