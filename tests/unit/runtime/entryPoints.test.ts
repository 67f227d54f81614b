import { describe, expect, it } from "vitest";
import {
  functionModuleFiles,
  isFunctionModule,
  modulePathOf,
  normalizeFiles,
} from "../../../src/sandbox/runtime/bundler/entryPoints.ts";
import { resolveInFolder } from "../../../src/sandbox/runtime/bundler/virtualFiles.ts";

describe("function modules, by the CLI's rules", () => {
  it("takes script files and skips schema, _generated, dotfiles, multi-dot names and spaces", () => {
    const files = {
      "messages.ts": "export const a = 1;",
      "folder/file.js": "export const b = 1;",
      "schema.ts": "export default 1;",
      "_generated/api.js": "export const api = 1;",
      ".hidden.ts": "export const c = 1;",
      "auth.config.ts": "export default {};",
      "has space.ts": "export const d = 1;",
      "notes.md": "# notes",
      "types.ts": "type Only = string;",
    };
    expect(functionModuleFiles(files)).toEqual(["folder/file.js", "messages.ts"]);
    expect(isFunctionModule("crons.ts", "import { cronJobs } from 'convex/server';")).toBe(true);
  });

  it("names modules without their extension", () => {
    expect(modulePathOf("folder/file.ts")).toBe("folder/file");
    expect(modulePathOf("messages.js")).toBe("messages");
    expect(modulePathOf("dir.v2/file")).toBe("dir.v2/file");
  });

  it("normalizes paths and refuses ones that leave the folder", () => {
    expect(Object.keys(normalizeFiles({ "./a.ts": "", "dir\\b.ts": "" }))).toEqual(["a.ts", "dir/b.ts"]);
    expect(() => normalizeFiles({ "../escape.ts": "" })).toThrow('Invalid file path "../escape.ts"');
    expect(() => normalizeFiles({ "_deps/x.ts": "" })).toThrow(/reserved for dependencies/);
  });
});

describe("relative imports", () => {
  const files = { "lib/util.ts": "", "lib/index.ts": "", "a.tsx": "", "data.js": "" };
  it("resolve like TypeScript: extensionless, .js for .ts, folders to index", () => {
    expect(resolveInFolder(files, "messages.ts", "./lib/util")).toBe("lib/util.ts");
    expect(resolveInFolder(files, "messages.ts", "./lib/util.js")).toBe("lib/util.ts");
    expect(resolveInFolder(files, "lib/util.ts", "../a")).toBe("a.tsx");
    expect(resolveInFolder(files, "lib/util.ts", ".")).toBe("lib/index.ts");
    expect(resolveInFolder(files, "x.ts", "./data.js")).toBe("data.js");
    expect(resolveInFolder(files, "x.ts", "./missing")).toBeNull();
    expect(resolveInFolder(files, "x.ts", "../outside")).toBeNull();
  });
});
