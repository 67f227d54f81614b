import { describe, expect, it } from "vitest";
import { bundledThemes } from "shiki";
import { generatedTypes } from "../../../src/lib/playground/editor/generatedTypes";
import { buildEditorPack } from "../../../src/lib/playground/editor/editorPack";
import { monacoThemeFromShiki } from "../../../src/lib/playground/editor/monacoTheme";
import { generateTypes } from "../../../src/sandbox/runtime/codegen/index";

describe("generated types in the editor", () => {
  it("match what the sandbox's codegen writes for the same files", async () => {
    const pack = await buildEditorPack();
    const files = {
      "schema.ts": 'import { defineSchema } from "convex/server";\nexport default defineSchema({});\n',
      "tasks.ts": 'import { query } from "./_generated/server";\nexport const list = query(async () => []);\n',
      "folder/notes.ts": 'export const x = 1;\n',
    };
    expect(generatedTypes(files, pack.generated)).toEqual(await generateTypes(files));
    expect(generatedTypes(files, pack.generated)["_generated/api.d.ts"]).toContain('"folder/notes": typeof folder_notes');
  });

  it("pack the convex declarations under the subpaths Monaco resolves", async () => {
    const { types } = await buildEditorPack();
    expect(types["file:///node_modules/convex/server/index.d.ts"]).toContain("../dist/esm-types/server/index");
    expect(types["file:///node_modules/convex/dist/esm-types/server/index.d.ts"]).toContain("export");
    expect(types["file:///node_modules/@types/react/index.d.ts"]).toContain("useState");
  });
});

describe("monacoThemeFromShiki", () => {
  it("carries the Shiki theme's colours over to Monaco tokens", async () => {
    const theme = (await bundledThemes["github-dark"]()).default as any;
    const monaco = monacoThemeFromShiki(theme);
    expect(monaco.base).toBe("vs-dark");
    expect(monaco.colors["editor.background"]).toBe(theme.colors["editor.background"]);
    expect(monaco.rules.find((r) => r.token === "comment")?.foreground).toBeTruthy();
    expect(monaco.rules.find((r) => r.token === "keyword")?.foreground).toBeTruthy();
  });
});

describe("monacoThemeFromShiki colours", () => {
  it("expands short hex colours, which Monaco rejects", () => {
    const monaco = monacoThemeFromShiki({
      type: "light",
      colors: { "editor.background": "#fff", "editor.foreground": "#1234" },
      tokenColors: [{ scope: "comment", settings: { foreground: "#abc" } }],
    });
    expect(monaco.colors["editor.background"]).toBe("#ffffff");
    expect(monaco.colors["editor.foreground"]).toBe("#11223344");
    expect(monaco.rules.find((r) => r.token === "comment")?.foreground).toBe("aabbcc");
  });
});
