/**
 * Deployment environment variables in process: set, changed and removed
 * through the deployment API, seen by every kind of function and by
 * top-level code, under both executors; bad input refused with Convex's texts
 * and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployment, EnvironmentVariableError, type SandboxDeployment } from "../../../src/sandbox/index.ts";
import { IsolateExecutor } from "../../../src/sandbox/runtime/executor/isolate/index.ts";
import { decodeId, encodeId, ENVIRONMENT_VARIABLES_TABLE_NUMBER, newInternalId } from "../../../src/sandbox/database/index.ts";

const FILES: Record<string, string> = {
  "env.ts": `
import { query, mutation, action, httpAction } from "./_generated/server";
import { api } from "./_generated/api";
const atImport = process.env.GREETING ?? null;
const read = () => ({ atImport, now: process.env.GREETING ?? null, site: process.env.CONVEX_SITE_URL });
export const inQuery = query({ args: {}, handler: async () => read() });
export const inMutation = mutation({
  args: {},
  handler: async () => {
    process.env.GREETING = "assigned";
    return read();
  },
});
export const inAction = action({ args: {}, handler: async () => read() });
export const nested = query({ args: {}, handler: async (ctx) => ctx.runQuery(api.env.inQuery, {}) });
export const shape = query({
  args: {},
  handler: async () => {
    console.log(process.env);
    return { keys: Object.keys(process.env), json: JSON.stringify(process.env), has: "GREETING" in process.env };
  },
});
export const badName = query({ args: {}, handler: async () => (process.env as Record<string, string | undefined>)["bad-name"] ?? null });
export const http = httpAction(async () => new Response(JSON.stringify(read())));
`,
  "http.ts": `
import { httpRouter } from "convex/server";
import { http as handler } from "./env";
const http = httpRouter();
http.route({ path: "/env", method: "GET", handler });
export default http;
`,
  "strict.ts": `
import { query } from "./_generated/server";
if (process.env.BREAK_IMPORT === "yes") throw new Error("BREAK_IMPORT is set");
export const ok = query({ args: {}, handler: async () => "loaded" });
`,
};

type Read = { atImport: string | null; now: string | null; site: string };

for (const executor of ["inprocess", "isolate"] as const) {
  describe(`environment variables (${executor} executor)`, () => {
    let d: SandboxDeployment;
    beforeAll(async () => {
      d = await createDeployment({
        files: FILES,
        siteUrl: "http://site.test",
        environmentVariables: { GREETING: "hello" },
        ...(executor === "isolate" ? { executor: new IsolateExecutor() } : {}),
      });
    });
    afterAll(async () => {
      await d.dispose();
    });

    const query = async (path: string) => {
      const outcome = await d.runQuery({ path, args: {} });
      if (outcome.status !== "success") throw new Error(outcome.errorMessage);
      return outcome.value;
    };
    const http = async () => {
      const response = await d.runHttpAction({ url: "http://site.test/env", method: "GET", headers: [], bodyBase64: null });
      return JSON.parse(Buffer.from(response.bodyBase64 ?? "", "base64").toString("utf8")) as Read;
    };

    it("shows the starting variables at import time and in every kind of function", async () => {
      const expected: Read = { atImport: "hello", now: "hello", site: "http://site.test" };
      expect(await query("env:inQuery")).toEqual(expected);
      expect(await query("env:nested")).toEqual(expected);
      expect((await d.runAction({ path: "env:inAction", args: {} })).value).toEqual(expected);
      expect(await http()).toEqual(expected);
      expect(d.environmentVariables()).toEqual({ GREETING: "hello" });
    });

    it("reads process.env as Convex does: assignments are not read back, nothing is enumerable", async () => {
      expect((await d.runMutation({ path: "env:inMutation", args: {} })).value).toEqual({
        atImport: "hello",
        now: "hello",
        site: "http://site.test",
      });
      const shape = await d.runQuery({ path: "env:shape", args: {} });
      expect(shape.value).toEqual({ keys: [], json: "{}", has: false });
      // Convex's console honours an object's own inspect(): process.env logs as "[process.env]".
      expect(shape.logLines).toEqual(["[LOG] [process.env]"]);
      const bad = await d.runQuery({ path: "env:badName", args: {} });
      expect(bad.errorMessage).toContain(
        "Uncaught Error: The environment variable name bad-name is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.",
      );
    });

    it("gives the next calls, top-level code included, the new values", async () => {
      await d.updateEnvironmentVariables([{ name: "GREETING", value: "bonjour" }]);
      const expected: Read = { atImport: "bonjour", now: "bonjour", site: "http://site.test" };
      expect(await query("env:inQuery")).toEqual(expected);
      expect((await d.runAction({ path: "env:inAction", args: {} })).value).toEqual(expected);
      expect(await http()).toEqual(expected);
      await d.updateEnvironmentVariables([{ name: "GREETING", value: null }]);
      expect(await query("env:inQuery")).toEqual({ atImport: null, now: null, site: "http://site.test" });
      expect(d.environmentVariables()).toEqual({});
    });

    it("refuses bad changes with Convex's texts and applies none of a refused update", async () => {
      await d.updateEnvironmentVariables([{ name: "KEEP", value: "1" }]);
      const refused = async (changes: Array<{ name: string; value: string | null }>) => {
        const error = await d.updateEnvironmentVariables(changes).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(EnvironmentVariableError);
        return (error as EnvironmentVariableError).message;
      };
      expect(await refused([{ name: "NEW", value: "x" }, { name: "1ABC", value: "x" }])).toBe(
        "The environment variable name 1ABC is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.",
      );
      expect(await refused([{ name: "CONVEX_SITE_URL", value: "x" }])).toBe(
        'Environment variable with name "CONVEX_SITE_URL" is built-in and cannot be overridden',
      );
      expect(await refused([{ name: "BIG", value: "x".repeat(8193) }])).toBe(
        "The environment variable value is 8193 bytes, which is too large. (max size: 8192",
      );
      expect(d.environmentVariables()).toEqual({ KEEP: "1" });
      await d.updateEnvironmentVariables([{ name: "KEEP", value: null }]);
    });

    it("fails calls with the import error while the code does not load with the variables, and recovers", async () => {
      await d.updateEnvironmentVariables([{ name: "BREAK_IMPORT", value: "yes" }]);
      const broken = await d.runQuery({ path: "strict:ok", args: {} });
      expect(broken.status).toBe("error");
      expect(broken.errorMessage).toContain("BREAK_IMPORT is set");
      expect(d.functions().map((f) => f.path)).toContain("strict:ok");
      await d.updateEnvironmentVariables([{ name: "BREAK_IMPORT", value: null }]);
      expect(await query("strict:ok")).toBe("loaded");
    });

    it("loads a new push with the current variables", async () => {
      await d.updateEnvironmentVariables([{ name: "GREETING", value: "hola" }]);
      const result = await d.push(FILES);
      expect(result.ok).toBe(true);
      expect(await query("env:inQuery")).toEqual({ atImport: "hola", now: "hola", site: "http://site.test" });
    });
  });
}

describe("environment variables at creation", () => {
  it("refuses a bad starting variable", async () => {
    await expect(createDeployment({ environmentVariables: { "my-key": "x" } })).rejects.toThrow(
      "The environment variable name my-key is invalid.",
    );
  });
});

describe("environment variables as `_environment_variables` documents", () => {
  it("gives each set a new document, keeps the documents given at creation, and leaves them alone on a refused update", async () => {
    const kept = { _id: encodeId(ENVIRONMENT_VARIABLES_TABLE_NUMBER, newInternalId(Date.now())), _creationTime: 1_700_000_000_000.5 };
    const d = await createDeployment({ environmentVariables: { KEPT: "1", NEW: "2" }, environmentVariableDocuments: { KEPT: kept } });
    try {
      const [first, fresh] = d.environmentVariableDocuments();
      expect(first).toEqual({ ...kept, name: "KEPT", value: "1" });
      expect(fresh).toMatchObject({ name: "NEW", value: "2" });
      expect(decodeId(fresh._id)?.tableNumber).toBe(ENVIRONMENT_VARIABLES_TABLE_NUMBER);
      expect(fresh._creationTime).toBeGreaterThan(kept._creationTime);

      // As Convex: a set deletes and re-inserts the document, even for the same value; changes apply in Convex's order.
      await d.updateEnvironmentVariables([{ name: "NEW", value: "2" }, { name: "ALSO", value: "3" }]);
      const [also, keptAgain, newAgain] = d.environmentVariableDocuments();
      expect([also.name, keptAgain, newAgain.name]).toEqual(["ALSO", first, "NEW"]);
      expect(newAgain._id).not.toBe(fresh._id);
      expect(newAgain._creationTime).toBeGreaterThan(also._creationTime);
      expect(also._creationTime).toBeGreaterThan(fresh._creationTime);

      const before = d.environmentVariableDocuments();
      await expect(d.updateEnvironmentVariables([{ name: "KEPT", value: "x" }, { name: "1BAD", value: "x" }])).rejects.toThrow(EnvironmentVariableError);
      expect(d.environmentVariableDocuments()).toEqual(before);
      await d.updateEnvironmentVariables([{ name: "KEPT", value: null }]);
      expect(d.environmentVariableDocuments().map((doc) => doc.name)).toEqual(["ALSO", "NEW"]);
    } finally {
      await d.dispose();
    }
  });
});
