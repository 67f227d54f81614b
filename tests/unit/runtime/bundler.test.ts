import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { BUNDLE_FILENAME, bundleFunctions } from "../../../src/sandbox/runtime/bundler/index.ts";
import { createStackMapper } from "../../../src/sandbox/runtime/executor/stackTrace.ts";

describe("bundleFunctions", () => {
  it("produces one script that registers every module, with the real convex package inside", async () => {
    const result = await bundleFunctions({
      "schema.ts": 'import { defineSchema } from "convex/server";\nexport default defineSchema({});\n',
      "a.ts": 'import { query } from "./_generated/server";\nimport { twice } from "./lib/math";\nexport const f = query({ args: {}, handler: async () => twice(2) });\n',
      "lib/math.ts": "export const twice = (n: number) => n * 2;\n",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.bundle.modules).toEqual(["a", "lib/math", "schema"]);
    const sandbox: Record<string, any> = { process: { env: {} } };
    vm.runInNewContext(result.bundle.code, sandbox);
    const modules = sandbox.__convexModules;
    expect(Object.keys(modules).sort()).toEqual(["a", "lib/math", "schema"]);
    expect(modules.a.f.isQuery).toBe(true);
    expect(modules["lib/math"].twice(4)).toBe(8);
    expect(typeof modules.schema.default.export).toBe("function");
  });

  it("maps bundle positions back to the source file and line", async () => {
    const source = 'export function fail(): never {\n  throw new Error("here");\n}\n';
    const result = await bundleFunctions({ "boom.ts": source });
    if (!result.ok) throw new Error("bundle failed");
    const sandbox: Record<string, any> = {};
    vm.runInNewContext(result.bundle.code, sandbox, { filename: BUNDLE_FILENAME });
    let stack = "";
    try {
      sandbox.__convexModules.boom.fail();
    } catch (e) {
      stack = (e as Error).stack!;
    }
    const mapper = createStackMapper(result.bundle);
    expect(mapper.firstUserFrame(stack)).toEqual({ file: "boom.ts", line: 2, column: 9 });
    expect(mapper.format({ name: "Error", message: "here", stack })).toBe(
      "Uncaught Error: here\n    at Object.fail (../convex/boom.ts:2:9)",
    );
  });

  it("returns esbuild errors as push errors", async () => {
    const result = await bundleFunctions({ "x.ts": "export const a = {\n" });
    expect(result).toEqual({ ok: false, errors: [{ file: "x.ts", line: 2, column: 1, message: "Expected identifier but found end of file" }] });
  });
});
