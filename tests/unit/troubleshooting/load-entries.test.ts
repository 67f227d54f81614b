import { describe, expect, it } from "vitest";
import { buildIndex } from "../../../src/lib/troubleshooting/build-index";
import { parseEntry } from "../../../src/lib/troubleshooting/load-entries";

const VALID = `---
title: "Example"
symptoms: [It fails.]
errors:
  - text: "Something broke"
    pattern: "Something broke"
causes: [A cause.]
frequency: rare
tags: [example]
functionTypes: [query]
lessons: [reading-data]
---

## What you see
`;

describe("parseEntry", () => {
  it("reads frontmatter and body", () => {
    const entry = parseEntry("example", VALID);
    expect(entry).toMatchObject({ slug: "example", title: "Example", frequency: "rare", functionTypes: ["query"] });
    expect(entry.body).toContain("## What you see");
  });

  it("names the file when the frontmatter is missing or not YAML", () => {
    expect(() => parseEntry("a", "no frontmatter")).toThrow("a.mdx: missing frontmatter");
    expect(() => parseEntry("b", "---\ntitle: x: y\n---\n")).toThrow("b.mdx: frontmatter is not valid YAML");
  });

  it("names the file and the field when a field is wrong", () => {
    const bad = VALID.replace("frequency: rare", "frequency: sometimes");
    expect(() => parseEntry("c", bad)).toThrow(/c\.mdx: invalid frontmatter\n {2}frequency: /);
  });
});

describe("buildIndex", () => {
  it("refuses two entries with one slug and an invalid pattern", () => {
    const entry = parseEntry("example", VALID);
    expect(() => buildIndex([entry, entry])).toThrow('Two troubleshooting entries share the slug "example"');
    expect(() => buildIndex([{ ...entry, errors: [{ text: "x", pattern: "(" }] }])).toThrow("is not a valid regular expression");
  });
});
