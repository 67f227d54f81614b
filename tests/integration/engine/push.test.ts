/**
 * Pushing code: syntax and import errors as push errors with file and line,
 * a failed push keeps the running version, schema pushes that existing data
 * violates, and the HTTP router check.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createDeployment, type SandboxDeployment } from "../../../src/sandbox/index.ts";

const created: SandboxDeployment[] = [];
async function deployment(files?: Record<string, string>) {
  const d = await createDeployment(files ? { files } : {});
  created.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(created.splice(0).map((d) => d.dispose()));
});

const NOTES_SCHEMA = `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({ notes: defineTable({ text: v.string() }) });
`;
const NOTES = `import { mutation, query } from "./_generated/server";
import { v } from "convex/values";
export const add = mutation({ args: { text: v.any() }, handler: (ctx, { text }) => ctx.db.insert("notes", { text }) });
export const count = query({ args: {}, handler: async (ctx) => (await ctx.db.query("notes").collect()).length });
`;

describe("push errors", () => {
  it("reports a syntax error at its file, line and column", async () => {
    const d = await deployment();
    const result = await d.push({ "notes.ts": 'import { query } from "./_generated/server";\n\nexport const broken = query({ handler: async () => { return 1 +; } });\n' });
    expect(result).toEqual({
      ok: false,
      errors: [{ file: "notes.ts", line: 3, column: 64, message: 'Unexpected ";"' }],
    });
  });

  it("reports unresolved imports, relative and package", async () => {
    const d = await deployment();
    const relative = await d.push({ "a.ts": 'import { helper } from "./lib/missing";\nexport const x = helper();\n' });
    expect(relative).toEqual({ ok: false, errors: [{ file: "a.ts", line: 1, column: 24, message: 'Could not resolve "./lib/missing"' }] });
    const pkg = await d.push({ "b.ts": 'import _ from "lodash";\nexport const y = _;\n' });
    expect(pkg.ok).toBe(false);
    expect(!pkg.ok && pkg.errors[0]).toMatchObject({
      file: "b.ts",
      line: 1,
      message: 'Could not resolve "lodash": only the "convex" package is available to functions in the sandbox',
    });
  });

  it("reports an exception thrown while a module loads, at its source line", async () => {
    const d = await deployment();
    const result = await d.push({ "lib/config.ts": 'export const config = {};\nthrow new Error("missing setting");\n', "uses.ts": 'import { config } from "./lib/config";\nexport const c = config;\n' });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: "lib/config.ts",
          line: 2,
          column: 7,
          message: "Uncaught Error: missing setting\n    at ../convex/lib/config.ts:2:7",
        },
      ],
    });
  });

  it("keeps the previous version when a push fails", async () => {
    const d = await deployment({ "schema.ts": NOTES_SCHEMA, "notes.ts": NOTES });
    await d.runMutation({ path: "notes:add", args: { text: "kept" } });
    const failed = await d.push({ "schema.ts": NOTES_SCHEMA, "notes.ts": "export const = 1;" });
    expect(failed.ok).toBe(false);
    expect(d.functions().map((f) => f.path)).toEqual(["notes:add", "notes:count"]);
    expect(await d.runQuery({ path: "notes:count", args: {} })).toMatchObject({ status: "success", value: 1 });
    expect(Object.keys(d.files()).sort()).toEqual(["notes.ts", "schema.ts"]);
  });

  it("swaps in new code and ignores a stale _generated folder", async () => {
    const d = await deployment({ "schema.ts": NOTES_SCHEMA, "notes.ts": NOTES });
    const result = await d.push({
      "schema.ts": NOTES_SCHEMA,
      "notes.ts": NOTES.replace("export const count", "export const total"),
      "_generated/server.js": "throw new Error('stale generated code');",
    });
    expect(result).toMatchObject({ ok: true, hasSchema: true, httpRoutes: [] });
    expect(d.functions().map((f) => f.path)).toEqual(["notes:add", "notes:total"]);
  });

  it("fails a schema push that existing documents violate, naming the document", async () => {
    const d = await deployment({ "schema.ts": NOTES_SCHEMA.replace("v.string()", "v.any()"), "notes.ts": NOTES });
    const added = await d.runMutation({ path: "notes:add", args: { text: 42 } });
    const result = await d.push({ "schema.ts": NOTES_SCHEMA, "notes.ts": NOTES });
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.errors[0] : null;
    expect(error?.file).toBe("schema.ts");
    expect(error?.message).toContain(String(added.value));
    expect(error?.message).toContain("notes");
    expect(await d.runMutation({ path: "notes:add", args: { text: 7 } })).toMatchObject({ status: "success" });
  });

  it("requires the default export of http.ts to be a router", async () => {
    const d = await deployment();
    const result = await d.push({ "http.ts": "export default { notARouter: true };\n" });
    expect(result).toEqual({
      ok: false,
      errors: [{ file: "http.ts", line: null, column: null, message: "The default export of `convex/http.js` is not a Router." }],
    });
  });

  it("lists HTTP routes and serves them", async () => {
    const d = await deployment({
      "http.ts": `import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
const http = httpRouter();
http.route({ path: "/hello", method: "GET", handler: httpAction(async (_ctx, req) => new Response("hi " + new URL(req.url).searchParams.get("name"), { status: 201 })) });
export default http;
`,
    });
    const result = await d.push(d.files());
    expect(result).toMatchObject({ ok: true, httpRoutes: [{ path: "/hello", method: "GET" }] });
    const response = await d.runHttpAction({ url: "http://127.0.0.1:3211/hello?name=ada", method: "GET", headers: [], bodyBase64: null });
    expect(response.status).toBe(201);
    expect(Buffer.from(response.bodyBase64!, "base64").toString()).toBe("hi ada");
  });

  it("createDeployment throws when its files do not push", async () => {
    await expect(createDeployment({ files: { "x.ts": "export const = ;" } })).rejects.toThrow(/^Push failed:\nx\.ts:1:14: /);
  });
});
