import { describe, expect, it } from "vitest";
import { httpActionGeneric, httpRouter } from "convex/server";
import { matchHttpRoute, type HttpRoute } from "../../../src/sandbox/platform/http/http-routes.js";
import { runHttpAction } from "../../../src/sandbox/platform/http/http-action-runner.js";
import type { SerializedRequest } from "../../../src/sandbox/runtime/types.js";

// Routes exactly as the real HttpRouter reports them.
const handler = httpActionGeneric(async () => new Response("ok"));
const http = httpRouter();
http.route({ path: "/hello", method: "GET", handler });
http.route({ path: "/hello", method: "POST", handler });
http.route({ pathPrefix: "/files/", method: "GET", handler });
http.route({ pathPrefix: "/files/images/", method: "GET", handler });
const routes: HttpRoute[] = http.getRoutes().map(([path, method]) => ({ path, method }));

describe("HTTP route matching agrees with HttpRouter.lookup", () => {
  const cases: Array<[string, string]> = [
    ["/hello", "GET"],
    ["/hello", "POST"],
    ["/hello", "HEAD"],
    ["/hello", "PUT"],
    ["/hello/", "GET"],
    ["/files/a.txt", "GET"],
    ["/files/images/cat.png", "GET"],
    ["/files", "GET"],
    ["/nothing", "GET"],
  ];
  for (const [path, method] of cases) {
    it(`${method} ${path}`, () => {
      const ours = matchHttpRoute(routes, path, method);
      const theirs = http.lookup(path, method as "GET");
      expect(ours?.path ?? null).toBe(theirs?.[2] ?? null);
    });
  }
});

describe("runHttpAction", () => {
  const req = (path: string, method = "GET"): SerializedRequest => ({ url: `http://127.0.0.1:3211${path}`, method, headers: [], bodyBase64: null });
  const body = (b: string | null) => Buffer.from(b ?? "", "base64").toString("utf8");

  it("answers with Convex's 404 texts and adds no CORS headers", async () => {
    const invoke = async () => ({ status: 200, headers: [["content-type", "text/plain"]] as Array<[string, string]>, bodyBase64: Buffer.from("hi").toString("base64") });
    const none = await runHttpAction({ routes: () => null, invoke }, req("/hello"));
    expect([none.status, body(none.bodyBase64)]).toEqual([404, "This Convex deployment does not have HTTP actions enabled."]);
    const miss = await runHttpAction({ routes: () => routes, invoke }, req("/nope"));
    expect([miss.status, body(miss.bodyBase64)]).toEqual([404, "No matching routes found"]);
    const hit = await runHttpAction({ routes: () => routes, invoke }, req("/hello"));
    expect(hit.headers.map(([k]) => k.toLowerCase()).filter((k) => k.startsWith("access-control"))).toEqual([]);
    const head = await runHttpAction({ routes: () => routes, invoke }, req("/hello", "HEAD"));
    expect([head.status, head.bodyBase64]).toEqual([200, null]);
  });

  it("turns a thrown handler into a 500 JSON response", async () => {
    const res = await runHttpAction(
      {
        routes: () => routes,
        invoke: async () => {
          throw { message: "Uncaught Error: boom", errorData: { code: 7 } };
        },
      },
      req("/hello"),
    );
    expect(res.status).toBe(500);
    expect(JSON.parse(body(res.bodyBase64))).toEqual({ code: "Uncaught Error: boom", data: { code: 7 } });
  });
});
