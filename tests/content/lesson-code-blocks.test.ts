/** The parser behind the code-sample check: which fenced blocks claim to be valid Convex code. */
import { describe, expect, it } from "vitest";
import { checkedCodeBlocks } from "./lib/lessonCodeBlocks";

const fence = "```";

describe("checkedCodeBlocks", () => {
  it("keeps only blocks marked check, with their title, playground and code", () => {
    const mdx = [
      "Intro",
      `${fence}ts title="convex/a.ts" check playground="demo"`,
      "export const a = 1;",
      fence,
      `${fence}ts title="convex/b.ts"`,
      "export const b = 2;",
      fence,
      `${fence}tsx title="src/C.tsx" check`,
      "export const C = () => null;",
      fence,
      `${fence}text`,
      "```ts check inside a text block is not a fence opener for us",
      fence,
    ].join("\n");
    const blocks = checkedCodeBlocks("x.mdx", mdx);
    expect(blocks).toEqual([
      { lesson: "x.mdx", line: 2, title: "convex/a.ts", playground: "demo", code: "export const a = 1;\n" },
      { lesson: "x.mdx", line: 8, title: "src/C.tsx", playground: null, code: "export const C = () => null;\n" },
    ]);
  });

  it("does not mistake a word containing 'check' for the flag", () => {
    const mdx = [`${fence}ts title="convex/checks.ts" checked`, "export {};", fence].join("\n");
    expect(checkedCodeBlocks("x.mdx", mdx)).toEqual([]);
  });

  it("refuses a checked block without a usable title", () => {
    const mdx = [`${fence}ts check`, "export {};", fence].join("\n");
    expect(() => checkedCodeBlocks("x.mdx", mdx)).toThrow(/needs title="convex\/<file>.ts"/);
  });

  it("refuses a checked block in another language", () => {
    const mdx = [`${fence}js title="convex/a.js" check`, "export {};", fence].join("\n");
    expect(() => checkedCodeBlocks("x.mdx", mdx)).toThrow(/only `ts` and `tsx` blocks/);
  });

  it("reports a block that is never closed", () => {
    expect(() => checkedCodeBlocks("x.mdx", `${fence}ts title="convex/a.ts" check\nexport {};`)).toThrow(/never closed/);
  });
});
