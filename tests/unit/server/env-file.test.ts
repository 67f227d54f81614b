/** The `.env`-style files and NAME=value flags the sandbox CLI reads. */
import { describe, expect, it } from "vitest";
import { parseAssignment, parseEnvFile } from "../../../src/sandbox/server/env-file.ts";

describe("parseEnvFile", () => {
  it("reads assignments, skipping blank lines and comments", () => {
    const text = "# settings\n\nA=1\nexport B = two words  # a comment\r\nC=\nD=x=y\n";
    expect(parseEnvFile(text)).toEqual({ A: "1", B: "two words", C: "", D: "x=y" });
  });

  it("reads quoted values: escapes in double quotes, single quotes as written, across lines", () => {
    const text = `A="tab\\there \\"quoted\\" # not a comment"\nB='raw \\n $X'\nC="first\nsecond"\nD='a'  # after\n`;
    expect(parseEnvFile(text)).toEqual({ A: 'tab\there "quoted" # not a comment', B: "raw \\n $X", C: "first\nsecond", D: "a" });
  });

  it("keeps the last value of a repeated name", () => {
    expect(parseEnvFile("A=1\nA=2\n")).toEqual({ A: "2" });
  });

  it("names the line of a malformed entry", () => {
    expect(() => parseEnvFile("A=1\njust text\n", ".env")).toThrow('.env:2: expected NAME=value, got "just text"');
    expect(() => parseEnvFile('A="open\nstill open\n', ".env")).toThrow(".env:1: the quoted value of A is never closed");
    expect(() => parseEnvFile("A='x' y\n", ".env")).toThrow(".env:1: unexpected text after the closing quote of A");
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
