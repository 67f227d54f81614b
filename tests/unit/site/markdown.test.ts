import { describe, expect, it } from "vitest";
import { lessonToMarkdown, mdxBodyToMarkdown, troubleshootingToMarkdown } from "../../../src/lib/site/markdown";

const page = "https://example.test/lessons/indexes/";

describe("mdxBodyToMarkdown", () => {
  it("drops MDX imports and exports but keeps them inside code blocks", () => {
    const body = [
      'import Playground from "../../src/components/playground/Playground.astro";',
      "export const meta = {};",
      "",
      "## Reading",
      "",
      "```ts",
      'import { query } from "./_generated/server";',
      "export const list = query({ handler: async () => [] });",
      "```",
      "",
      "   ```ts",
      '   import { internal } from "./_generated/api";',
      "   ```",
    ].join("\n");
    expect(mdxBodyToMarkdown(body, page)).toBe(
      [
        "## Reading",
        "",
        "```ts",
        'import { query } from "./_generated/server";',
        "export const list = query({ handler: async () => [] });",
        "```",
        "",
        "   ```ts",
        '   import { internal } from "./_generated/api";',
        "   ```",
        "",
      ].join("\n"),
    );
  });

  it("turns a playground into a pointer to the interactive page and drops other component tags", () => {
    const body = ['<Playground id="indexes" />', "", "<Aside>", "Mind the scan.", "</Aside>"].join("\n");
    expect(mdxBodyToMarkdown(body, page)).toBe(
      `> Live playground \`indexes\`: open ${page} to edit and run it against a sandbox.\n\nMind the scan.\n`,
    );
  });

  it("does not end a fence on a shorter or different fence", () => {
    const body = ["````md", "```", "import x from 'y';", "````", "import a from 'b';", "after"].join("\n");
    expect(mdxBodyToMarkdown(body, page)).toBe(["````md", "```", "import x from 'y';", "````", "after", ""].join("\n"));
  });
});

describe("frontmatter headers", () => {
  const urls = { page, lesson: (slug: string) => `/lessons/${slug}.md`, entry: (slug: string) => `/troubleshooting/${slug}.md` };

  it("renders a lesson's summary, concepts, prerequisites and related entries", () => {
    const markdown = lessonToMarkdown(
      {
        data: {
          title: "Indexes",
          summary: "Read a slice.",
          order: 40,
          concepts: ["withIndex", "compound indexes"],
          prerequisites: ["reading-data"],
          troubleshooting: ["index-not-found"],
        },
        body: "## Goals\n",
      },
      urls,
    );
    expect(markdown).toBe(
      [
        "# Indexes",
        "",
        "> Read a slice.",
        "",
        "Concepts: withIndex, compound indexes",
        "",
        "Prerequisites: [reading-data](/lessons/reading-data.md)",
        "",
        "Related troubleshooting: [index-not-found](/troubleshooting/index-not-found.md)",
        "",
        `Interactive version: ${page}`,
        "",
        "## Goals",
        "",
      ].join("\n"),
    );
  });

  it("renders an entry's error texts verbatim in code blocks", () => {
    const markdown = troubleshootingToMarkdown(
      {
        data: {
          title: "unique() returned more than one result",
          symptoms: ["It throws."],
          errors: [{ text: "unique() query returned more than one result from table users:", pattern: "unique\\(\\)" }],
          causes: ["Duplicates."],
          frequency: "common",
          tags: ["queries"],
          functionTypes: ["query"],
          lessons: ["reading-data"],
        },
        body: "Fix it.\n",
      },
      urls,
    );
    expect(markdown).toContain("## Error text\n\n```text\nunique() query returned more than one result from table users:\n```\nPattern: `unique\\(\\)`");
    expect(markdown).toContain("Related lessons: [reading-data](/lessons/reading-data.md)");
    expect(markdown.endsWith("Fix it.\n")).toBe(true);
  });
});
