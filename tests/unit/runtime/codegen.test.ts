import { describe, expect, it } from "vitest";
import { generateCode, generateTypes } from "../../../src/sandbox/runtime/codegen/index.ts";

describe("codegen from the convex package's templates", () => {
  const files = {
    "schema.ts": "export default {};",
    "messages.ts": "export const a = 1;",
    "folder/file.ts": "export const b = 1;",
  };

  it("writes the files `npx convex codegen` writes for a JavaScript project", async () => {
    const out = await generateCode(files);
    expect(Object.keys(out).sort()).toEqual([
      "_generated/api.d.ts",
      "_generated/api.js",
      "_generated/dataModel.d.ts",
      "_generated/server.d.ts",
      "_generated/server.js",
    ]);
    expect(out["_generated/api.js"]).toContain("export const api = anyApi;");
    expect(out["_generated/server.js"]).toContain("export const query = queryGeneric;");
    expect(out["_generated/api.d.ts"]).toContain('import type * as folder_file from "../folder/file.js";');
    expect(out["_generated/api.d.ts"]).toContain('"messages": typeof messages,');
    expect(out["_generated/dataModel.d.ts"]).toContain("DataModelFromSchemaDefinition<typeof schema>");
  });

  it("falls back to the permissive data model without a schema, and types only on request", async () => {
    const types = await generateTypes({ "messages.ts": "export const a = 1;" });
    expect(Object.keys(types).sort()).toEqual(["_generated/api.d.ts", "_generated/dataModel.d.ts", "_generated/server.d.ts"]);
    expect(types["_generated/dataModel.d.ts"]).toContain("export type DataModel = AnyDataModel;");
  });
});
