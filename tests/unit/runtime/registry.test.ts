import { describe, expect, it } from "vitest";
import { FunctionRegistry, parseFunctionPath } from "../../../src/sandbox/runtime/registry/index.ts";
import { LogCollector, MAX_LOG_LINES } from "../../../src/sandbox/runtime/logLines.ts";
import { writeConflictMessage } from "../../../src/sandbox/runtime/failures.ts";
import { Mutex } from "../../../src/sandbox/runtime/lock.ts";

describe("function paths", () => {
  it("parse module and export, default exports and a script extension", () => {
    expect(parseFunctionPath("messages:list")).toEqual({
      module: "messages",
      name: "list",
      canonical: "messages:list",
      canonicalJs: "messages.js:list",
    });
    expect(parseFunctionPath("folder/file")).toEqual({
      module: "folder/file",
      name: "default",
      canonical: "folder/file:default",
      canonicalJs: "folder/file.js:default",
    });
    expect(parseFunctionPath("folder/file.js:fn").canonical).toBe("folder/file:fn");
  });
});

describe("FunctionRegistry", () => {
  const registry = new FunctionRegistry([
    { module: "a", name: "q", kind: "query", visibility: "public", args: null, returns: null },
    { module: "a", name: "secret", kind: "mutation", visibility: "internal", args: null, returns: null },
    { module: "a", name: "helper", kind: "other", visibility: null, args: null, returns: null },
    { module: "http", name: "default", kind: "router", visibility: null, args: null, returns: null },
  ]);

  it("registers only functions", () => {
    expect(registry.functions().map((f) => f.path)).toEqual(["a:q", "a:secret"]);
  });

  it("applies visibility and type checks with Convex's texts", () => {
    expect(registry.resolve("a:q", { allowInternal: false }).udfType).toBe("query");
    expect(() => registry.resolve("a:secret", { allowInternal: false })).toThrow("Could not find public function for 'a:secret'.");
    expect(registry.resolve("a:secret", { allowInternal: true }).visibility).toBe("internal");
    expect(() => registry.resolve("a:q", { allowInternal: false, expectedType: "action" })).toThrow(
      "Trying to execute a.js:q as Action, but it is defined as Query.",
    );
  });
});

describe("log lines", () => {
  it("stop at the limit with one overflow line", () => {
    const logs = new LogCollector();
    for (let i = 0; i < MAX_LOG_LINES + 10; i++) logs.add("log", String(i));
    expect(logs.lines).toHaveLength(MAX_LOG_LINES + 1);
    expect(logs.lines[0]).toBe("[LOG] 0");
    expect(logs.lines.at(-1)).toBe("[ERROR] Log overflow (maximum 256). Remaining log lines omitted.");
  });
});

describe("write-conflict text", () => {
  it("names the table, the document and the writer", () => {
    expect(writeConflictMessage({ table: "t", documentId: "abc", writer: "other:fn", current: "mine:fn" })).toBe(
      'Documents read from or written to the "t" table changed while this mutation was being run and on every subsequent retry. A call to "other:fn" changed the document with ID "abc". See https://docs.convex.dev/error#1',
    );
    expect(writeConflictMessage({ table: null, documentId: null, writer: null, current: "m:f" })).toBe(
      "Documents read from or written to some table changed while this mutation was being run and on every subsequent retry. See https://docs.convex.dev/error#1",
    );
  });
});

describe("Mutex", () => {
  it("runs holders one at a time in arrival order", async () => {
    const lock = new Mutex();
    const order: string[] = [];
    const task = (name: string, ms: number) =>
      lock.run(async () => {
        order.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name}-`);
      });
    await Promise.all([task("a", 20), task("b", 1), task("c", 5)]);
    expect(order).toEqual(["a+", "a-", "b+", "b-", "c+", "c-"]);
  });
});
