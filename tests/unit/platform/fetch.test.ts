import { describe, expect, it } from "vitest";
import { OutboundFetch, within } from "../../../src/sandbox/platform/fetch/outbound-fetch.js";
import { isPrivateAddress } from "../../../src/sandbox/platform/fetch/address-policy.js";
import type { SerializedRequest } from "../../../src/sandbox/runtime/types.js";

const json = (url: string, method = "GET", body?: unknown): SerializedRequest => ({
  url,
  method,
  headers: [["content-type", "application/json"]],
  bodyBase64: body === undefined ? null : Buffer.from(JSON.stringify(body)).toString("base64"),
});
const decode = (b: string | null) => JSON.parse(Buffer.from(b ?? "", "base64").toString("utf8"));

describe("outbound fetch policy", () => {
  it("classifies private and public addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "192.168.1.1", "172.20.0.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1", "0.0.0.0"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses loopback and private hosts with a clear error", async () => {
    const f = new OutboundFetch({ siteUrl: "http://127.0.0.1:3211/s/abc", cloudUrl: "http://127.0.0.1:3210/s/abc" });
    await expect(f.fetch(json("http://127.0.0.1:22/"))).rejects.toThrow(/was refused: 127\.0\.0\.1 is a loopback or private network address/);
    await expect(f.fetch(json("http://localhost:8080/x"))).rejects.toThrow(/loopback or private/);
    await expect(f.fetch(json("http://169.254.169.254/latest/meta-data"))).rejects.toThrow(/loopback or private/);
    await expect(f.fetch(json("http://127.0.0.1:3211/s/other/hello"))).rejects.toThrow(/loopback or private/);
    await expect(f.fetch(json("http://8.8.8.8/"))).rejects.toThrow(/only reaches its own site URL and the built-in example APIs/);
    await expect(f.fetch(json("file:///etc/passwd"))).rejects.toThrow(/file: URLs is not supported/);
    await expect(f.fetch(json("http://127.0.0.1:3210/s/abc/api/query", "POST"))).rejects.toThrow(/not its other cloud URL endpoints/);
  });

  it("routes the deployment's own site URL to its HTTP actions, path re-rooted", async () => {
    const seen: string[] = [];
    const f = new OutboundFetch({
      siteUrl: "http://127.0.0.1:3211/s/abc",
      cloudUrl: null,
      runHttpAction: async (req) => {
        seen.push(req.url);
        return { status: 200, headers: [], bodyBase64: null };
      },
    });
    await f.fetch(json("http://127.0.0.1:3211/s/abc/hello?x=1"));
    expect(seen).toEqual(["http://127.0.0.1:3211/hello?x=1"]);
    expect(within(new URL("http://h/s/abcd/x"), "http://h/s/abc")).toBeNull();
  });

  it("the mock mail API records what actions send", async () => {
    const f = new OutboundFetch({ siteUrl: null, cloudUrl: null });
    const res = await f.fetch(json("https://api.example-mail.test/send", "POST", { to: "a@b.test", subject: "Hi", text: "Hello" }));
    expect(res.status).toBe(200);
    expect(decode(res.bodyBase64)).toEqual({ id: "email_000001", status: "queued" });
    const bad = await f.fetch(json("https://api.example-mail.test/send", "POST", { subject: "no recipient" }));
    expect(bad.status).toBe(422);
    expect(f.mockApi.sentEmails()).toMatchObject([{ to: "a@b.test", subject: "Hi", text: "Hello" }]);
    const list = await f.fetch(json("https://api.example-mail.test/messages"));
    expect(decode(list.bodyBase64).messages).toHaveLength(1);
    expect(f.mockApi.requests().map((r) => r.status)).toEqual([200, 422, 200]);
    const weather = decode((await f.fetch(json("https://api.example-weather.test/forecast?city=Paris"))).bodyBase64);
    expect(weather).toEqual(decode((await f.fetch(json("https://api.example-weather.test/forecast?city=Paris"))).bodyBase64));
  });
});
