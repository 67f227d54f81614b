/**
 * The playground's sandbox client against a real sandbox server on an ephemeral port:
 * create, push (functions with their validators, or errors at file:line), and a fresh
 * sandbox when the remembered one is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../../../src/sandbox/server/index";
import { createSandbox, pushFiles } from "../../../src/lib/playground/sandbox/sandboxApi";
import { SandboxSession } from "../../../src/lib/playground/sandbox/sandboxSession";
import { runFunction } from "../../../src/lib/playground/runner/runFunction";
import { argsTemplate } from "../../../src/lib/playground/runner/argsTemplate";
import { callerFor, SAMPLE_USERS } from "../../../src/lib/playground/sandbox/identity";

const SCHEMA = `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({ notes: defineTable({ text: v.string(), n: v.int64() }) });
`;
const NOTES = `import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
export const add = mutation({ args: { text: v.string(), n: v.int64() }, handler: async (ctx, args) => {
  console.log("adding", args.text);
  return await ctx.db.insert("notes", args);
} });
export const list = query({ args: {}, handler: async (ctx) => await ctx.db.query("notes").collect() });
`;

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0, sitePort: 0, dataDir: null, log: () => {} });
});
afterAll(async () => {
  await server?.close();
});

describe("sandbox client", () => {
  it("pushes files and lists every function with its validators", async () => {
    const sandbox = await createSandbox(server.cloudUrl);
    const result = await pushFiles(sandbox, { "schema.ts": SCHEMA, "notes.ts": NOTES });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const add = result.functions.find((f) => f.path === "notes:add")!;
    expect(add).toMatchObject({ udfType: "mutation", visibility: "public" });
    // The runner pre-fills the args from the validators, and that text runs as is.
    const argsText = argsTemplate(add.args);
    const outcome = await runFunction({ sandbox, path: "notes:add", udfType: "mutation", argsText, caller: null, internal: false });
    expect(outcome.ok).toBe(true);
    expect(outcome.logs.map((l) => l.text).join("\n")).toContain("adding");
    const listed = await runFunction({ sandbox, path: "notes:list", udfType: "query", argsText: "{}", caller: null, internal: false });
    expect(listed.ok && (listed.value as any[])[0].n).toBe(0n);
  });

  it("reports push errors as convex/<file> with line and column", async () => {
    const sandbox = await createSandbox(server.cloudUrl);
    const result = await pushFiles(sandbox, { "notes.ts": "export const x = ;\n" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: "convex/notes.ts", line: 1 });
  });

  it("creates a fresh sandbox when the remembered one no longer exists", async () => {
    const session = new SandboxSession(server.cloudUrl, "notes-playground");
    const first = await session.push({ "notes.ts": NOTES });
    await fetch(first.sandbox.url, { method: "DELETE", headers: { Authorization: `Convex ${first.sandbox.adminKey}` } });
    const second = await session.push({ "notes.ts": NOTES });
    expect(second.recreated).toBe(true);
    expect(second.sandbox.id).not.toBe(first.sandbox.id);
    expect(second.result.ok).toBe(true);
  });

  it("runs internal functions with the admin key and reports ConvexError data", async () => {
    const sandbox = await createSandbox(server.cloudUrl);
    await pushFiles(sandbox, {
      "secret.ts": `import { ConvexError } from "convex/values";
import { internalQuery, query } from "./_generated/server";
export const hidden = internalQuery({ args: {}, handler: async () => "only admins" });
export const fail = query({ args: {}, handler: async () => { throw new ConvexError({ code: 42 }); } });
`,
    });
    const hidden = await runFunction({ sandbox, path: "secret:hidden", udfType: "query", argsText: "{}", caller: null, internal: true });
    expect(hidden).toMatchObject({ ok: true, value: "only admins" });
    const failed = await runFunction({ sandbox, path: "secret:fail", udfType: "query", argsText: "{}", caller: null, internal: false });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.errorData).toEqual({ code: 42 });
  });

  it("acts as a chosen user: the function sees that identity", async () => {
    const sandbox = await createSandbox(server.cloudUrl);
    await pushFiles(sandbox, {
      "me.ts": `import { query } from "./_generated/server";
export const whoami = query({ args: {}, handler: async (ctx) => (await ctx.auth.getUserIdentity())?.subject ?? null });
`,
    });
    const anonymous = await runFunction({ sandbox, path: "me:whoami", udfType: "query", argsText: "{}", caller: null, internal: false });
    expect(anonymous).toMatchObject({ ok: true, value: null });
    const caller = await callerFor(sandbox, SAMPLE_USERS[0], false);
    expect(caller.kind).toBe("impersonate");
    const asAda = await runFunction({ sandbox, path: "me:whoami", udfType: "query", argsText: "{}", caller, internal: false });
    expect(asAda).toMatchObject({ ok: true, value: SAMPLE_USERS[0].subject });
  });
});
