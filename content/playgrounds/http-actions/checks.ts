import { defineChecks } from "../../../src/lib/checks";

const ORIGIN = "https://app.example.com";

type Probe = { status: number; headers: Record<string, string>; body: string };

export default defineChecks([
  {
    name: "POST /messages stores the message and allows the app's origin",
    async run(client) {
      const body = `check ${Date.now()}`;
      const res: Probe = await client.action("probe:request", {
        siteUrl: client.siteUrl,
        method: "POST",
        path: "/messages",
        headers: { "Content-Type": "application/json", Origin: ORIGIN },
        body: JSON.stringify({ author: "check", body }),
      });
      if (res.status !== 201) throw new Error(`POST /messages answered ${res.status}; expected 201.`);
      const list: Probe = await client.action("probe:request", { siteUrl: client.siteUrl, method: "GET", path: "/messages" });
      if (!list.body.includes(body)) throw new Error("The posted message does not appear in GET /messages.");
      const allowed = res.headers["access-control-allow-origin"];
      if (allowed !== ORIGIN && allowed !== "*") {
        throw new Error(`The POST response has Access-Control-Allow-Origin ${JSON.stringify(allowed ?? null)}; the browser will block ${ORIGIN}.`);
      }
    },
  },
  {
    name: "the preflight OPTIONS /messages allows POST with Content-Type",
    async run(client) {
      const res: Probe = await client.action("probe:request", {
        siteUrl: client.siteUrl,
        method: "OPTIONS",
        path: "/messages",
        headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
      });
      if (res.status < 200 || res.status >= 300) throw new Error(`OPTIONS /messages answered ${res.status}; add an OPTIONS route.`);
      const origin = res.headers["access-control-allow-origin"];
      const methods = res.headers["access-control-allow-methods"] ?? "";
      const headers = (res.headers["access-control-allow-headers"] ?? "").toLowerCase();
      if (origin !== ORIGIN && origin !== "*") throw new Error("The preflight response lacks Access-Control-Allow-Origin.");
      if (!methods.includes("POST")) throw new Error("The preflight response's Access-Control-Allow-Methods does not include POST.");
      if (!headers.includes("content-type")) throw new Error("The preflight response's Access-Control-Allow-Headers does not include Content-Type.");
    },
  },
]);
