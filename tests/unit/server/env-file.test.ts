/** The `.env`-style files and NAME=value flags the sandbox CLI reads. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAssignment, parseEnvFile, readEnvFile } from "../../../src/sandbox/server/env-file.ts";

describe("parseEnvFile (as `npx convex env set --from-file`: dotenv.parse)", () => {
  it("reads assignments, skipping blank lines and comments", () => {
    const text = "# settings\n\nA=1\nexport B = two words  # a comment\r\nC=\nD=x=y\nE=a#b\n";
    expect(parseEnvFile(text)).toEqual({ A: "1", B: "two words", C: "", D: "x=y", E: "a" });
  });

  it("reads quoted values: only \\n and \\r expanded in double quotes, single quotes and backticks as written, across lines", () => {
    const text = `A="tab\\there \\"quoted\\" # not a comment"\nB='raw \\n $X'\nC="first\nsecond"\nD='a'  # after\nE=\`it's "both"\`\nF="one\\ntwo"\n`;
    expect(parseEnvFile(text)).toEqual({
      A: 'tab\\there \\"quoted\\" # not a comment',
      B: "raw \\n $X",
      C: "first\nsecond",
      D: "a",
      E: `it's "both"`,
      F: "one\ntwo",
    });
  });

  it("keeps the last value of a repeated name", () => {
    expect(parseEnvFile("A=1\nA=2\n")).toEqual({ A: "2" });
  });

  it("skips lines that are no assignment, and keeps names Convex refuses for the deployment to refuse", () => {
    expect(parseEnvFile("A=1\njust text\nB: yaml style\nmy-key=2\n")).toEqual({ A: "1", B: "yaml style", "my-key": "2" });
  });
});

describe("readEnvFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "env-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the file's variables", () => {
    writeFileSync(join(dir, ".env"), 'NAME="a value"\n');
    expect(readEnvFile(join(dir, ".env"))).toEqual({ NAME: "a value" });
  });

  it("names a missing or unreadable file", () => {
    expect(() => readEnvFile(join(dir, "missing.env"))).toThrow(`file not found: ${join(dir, "missing.env")}`);
    expect(() => readEnvFile(dir)).toThrow(new RegExp(`^cannot read ${dir}: EISDIR`));
  });
});

describe("parseAssignment", () => {
  it("splits at the first =", () => {
    expect(parseAssignment("A=b=c")).toEqual(["A", "b=c"]);
    expect(parseAssignment("A=")).toEqual(["A", ""]);
    expect(() => parseAssignment("A")).toThrow('Expected NAME=value, got "A"');
    expect(() => parseAssignment("=x")).toThrow('Expected NAME=value, got "=x"');
  });
});
