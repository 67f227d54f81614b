/**
 * The engine fixture app (tests/fixtures/engine-app) pushed into an
 * in-process deployment and called the way clients call it: results, logs
 * and the exact error texts real Convex gives.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxDeployment } from "../../../src/sandbox/index.ts";
import { deployEngineApp } from "./helpers.ts";

let d: SandboxDeployment;
beforeAll(async () => {
  d = await deployEngineApp();
});
afterAll(async () => {
  await d.dispose();
});
beforeEach(async () => {
  await d.reset();
});

async function value(kind: "runQuery" | "runMutation" | "runAction", path: string, args: Record<string, unknown> = {}) {
  const outcome = await d[kind]({ path, args: args as never });
  if (outcome.status !== "success") throw new Error(`${path} failed: ${outcome.errorMessage}`);
  return outcome.value;
}
async function failure(kind: "runQuery" | "runMutation" | "runAction", path: string, args: unknown = {}) {
  const outcome = await d[kind]({ path, args: args as never });
  expect(outcome.status).toBe("error");
  return outcome;
}

describe("registry", () => {
  it("lists every function with its path, type and visibility", () => {
    const byPath = Object.fromEntries(d.functions().map((f) => [f.path, `${f.visibility} ${f.udfType}`]));
    expect(byPath["messages:send"]).toBe("public mutation");
    expect(byPath["nested:count"]).toBe("internal query");
    expect(byPath["nested:viaAction"]).toBe("public action");
    expect(byPath["folder/deep:default"]).toBe("public query");
    expect(byPath["folder/deep:named"]).toBe("public query");
    expect(Object.keys(byPath).some((p) => p.startsWith("schema:") || p.startsWith("_generated"))).toBe(false);
  });

  it("exports argument validators as JSON", () => {
    const send = d.functions().find((f) => f.path === "messages:send")!;
    expect(send.args).toEqual({
      type: "object",
      value: {
        channel: { fieldType: { type: "string" }, optional: false },
        body: { fieldType: { type: "string" }, optional: false },
        likes: { fieldType: { type: "number" }, optional: true },
      },
    });
    expect(send.returns).toEqual({ type: "id", tableName: "messages" });
  });

  it("resolves default exports, nested folders and a trailing .js", async () => {
    expect(await value("runQuery", "folder/deep")).toBe("default export");
    expect(await value("runQuery", "folder/deep:default")).toBe("default export");
    expect(await value("runQuery", "folder/deep.js:named")).toBe("folder/deep:named");
  });

  it("hides internal and unknown functions from outside callers", async () => {
    const internal = await failure("runQuery", "nested:count", { name: "x" });
    expect(internal.errorMessage).toBe(
      "Could not find public function for 'nested:count'. Did you forget to run `npx convex dev` or `npx convex deploy`?",
    );
    const unknown = await failure("runQuery", "messages:nope");
    expect(unknown.errorMessage).toBe(
      "Could not find public function for 'messages:nope'. Did you forget to run `npx convex dev` or `npx convex deploy`?",
    );
    expect(await d.run({ path: "nested:count", args: { name: "x" }, allowInternal: true })).toMatchObject({
      status: "success",
      value: 0,
    });
  });

  it("checks the function type", async () => {
    const outcome = await failure("runMutation", "messages:get", { id: "x" });
    expect(outcome.errorMessage).toBe("Trying to execute messages.js:get as Mutation, but it is defined as Query.");
    const action = await failure("runQuery", "nested:viaAction", { name: "x" });
    expect(action.errorMessage).toBe("Trying to execute nested.js:viaAction as Query, but it is defined as Action.");
  });

  it("runs whatever a path is with run()", async () => {
    const id = await value("runMutation", "messages:send", { channel: "a", body: "hi" });
    expect(await d.run({ path: "messages:get", args: { id: id as string } })).toMatchObject({ status: "success" });
  });
});

describe("validation", () => {
  it("rejects arguments of the wrong type", async () => {
    const outcome = await failure("runMutation", "messages:send", { channel: "a", body: 1 });
    expect(outcome.errorMessage).toBe(
      "ArgumentValidationError: Value does not match validator.\nPath: .body\nValue: 1.0\nValidator: v.string()",
    );
  });

  it("names a missing field and an extra field", async () => {
    const missing = await failure("runMutation", "messages:send", { channel: "a" });
    expect(missing.errorMessage).toBe(
      "ArgumentValidationError: Object is missing the required field `body`. Consider wrapping the field validator in `v.optional(...)` if this is expected.\n\n" +
        'Object: {channel: "a"}\nValidator: v.object({body: v.string(), channel: v.string(), likes: v.optional(v.float64())})',
    );
    const extra = await failure("runMutation", "messages:send", { channel: "a", body: "b", extra: true });
    expect(extra.errorMessage).toMatch(/^ArgumentValidationError: Object contains extra field `extra` that is not in the validator\./);
  });

  it("checks v.id() arguments against the table", async () => {
    const outcome = await failure("runQuery", "messages:get", { id: "nope" });
    expect(outcome.errorMessage).toBe(
      'ArgumentValidationError: Value does not match validator.\nPath: .id\nValue: "nope"\nValidator: v.id("messages")',
    );
    const userId = await value("runMutation", "users:add", { name: "A", email: "a@x" });
    const wrongTable = await failure("runQuery", "messages:get", { id: userId });
    expect(wrongTable.errorMessage).toMatch(/^ArgumentValidationError: /);
  });

  it("validates return values", async () => {
    const outcome = await failure("runQuery", "errors:badReturn");
    expect(outcome.errorMessage).toMatch(/^ReturnsValidationError: Value does not match validator\.\n/);
    expect(outcome.errorMessage).toContain("Validator: v.string()");
  });

  it("requires arguments to be an object", async () => {
    const outcome = await failure("runQuery", "messages:get", [1]);
    expect(outcome.errorMessage).toBe("The arguments to a Convex function must be an object. Received: 1");
  });

  it("validates documents against the schema on write", async () => {
    const outcome = await failure("runMutation", "messages:insertBad");
    expect(outcome.errorMessage).toBe(
      'Uncaught Error: Failed to insert or update a document in table "messages" because it does not match the schema: ' +
        "Value does not match validator.\nPath: .body\nValue: 42.0\nValidator: v.string()",
    );
  });
});

describe("errors and logs", () => {
  it("reports a thrown Error with a stack mapped to the source file", async () => {
    const outcome = await failure("runQuery", "errors:plain");
    expect(outcome.errorMessage).toBe("Uncaught Error: Something broke\n    at handler (../convex/errors.ts:7:11)");
    expect(outcome.errorData).toBeUndefined();
  });

  it("carries ConvexError data intact", async () => {
    const outcome = await failure("runMutation", "errors:convexError");
    expect(outcome.errorData).toEqual({ code: "FORBIDDEN", retryAfter: { $integer: "AwAAAAAAAAA=" } });
    expect(outcome.errorMessage!.split("\n")[0]).toBe('Uncaught ConvexError: {"code":"FORBIDDEN","retryAfter":"3n"}');
    const fromAction = await failure("runAction", "errors:convexErrorString");
    expect(fromAction.errorData).toBe("Not allowed");
    expect(fromAction.errorMessage!.split("\n")[0]).toBe("Uncaught ConvexError: Not allowed");
  });

  it("refuses to return a query object", async () => {
    const outcome = await failure("runQuery", "errors:returnsQuery");
    expect(outcome.errorMessage).toBe(
      "Uncaught Error: Return value is a Query. Results must be retrieved with `.collect()`, `.take(n), `.unique()`, or `.first()`.",
    );
  });

  it("captures console output per call, formatted like Convex", async () => {
    const outcome = await d.runQuery({ path: "errors:logs", args: {} });
    expect(outcome.logLines).toEqual([
      "[LOG] 'hello' 1 {\n  a: [ 1, 2 ]\n}",
      "[INFO] 'info'",
      "[WARN] 'careful'",
      "[ERROR] 'bad' null",
      "[DEBUG] undefined true",
    ]);
    const again = await d.runQuery({ path: "errors:logs", args: {} });
    expect(again.logLines).toHaveLength(5);
  });

  it("rejects field names starting with $", async () => {
    const outcome = await failure("runMutation", "errors:dollarField");
    expect(outcome.errorMessage!.split("\n")[0]).toBe("Uncaught Error: Field name $bad starts with a '$', which is reserved.");
  });
});

describe("reads", () => {
  async function seed() {
    for (const [channel, body, likes] of [
      ["a", "first", 1],
      ["a", "second", 5],
      ["b", "other", 7],
      ["a", "third", 9],
      ["a", "pinned", 0],
    ] as const) {
      await value("runMutation", "messages:send", { channel, body, likes });
    }
  }

  it("reads an index by equality and a range, in both orders", async () => {
    await seed();
    expect(await value("runQuery", "messages:inChannel", { channel: "a" })).toEqual(["first", "second", "third", "pinned"]);
    expect(await value("runQuery", "messages:likesBetween", { channel: "a", min: 1, max: 9 })).toEqual([1, 5]);
    expect(await value("runQuery", "messages:likesBetween", { channel: "a", min: 0, max: 100, order: "desc" })).toEqual([
      9, 5, 1, 0,
    ]);
  });

  it("filters, orders and takes", async () => {
    await seed();
    expect(await value("runQuery", "messages:popular", { min: 6 })).toEqual(["other", "third", "pinned"]);
    expect(await value("runQuery", "messages:newest", { n: 2 })).toEqual(["pinned", "third"]);
  });

  it("reports index misuse with the real texts", async () => {
    const order = await failure("runQuery", "messages:wrongIndexOrder");
    expect(order.errorMessage!.split("\n    at ")[0]).toBe(
      "Uncaught Error: Tried to query index messages.by_channel_likes but the query didn't use the index fields in order.\n" +
        'Index fields: ["channel", "likes", "_creationTime"]\nQuery fields: ["likes"]\nFirst incorrect field: "likes"\n' +
        "For more information see https://docs.convex.dev/using/indexes.",
    );
    const missing = await failure("runQuery", "messages:missingIndex");
    expect(missing.errorMessage!.split("\n")[0]).toBe("Uncaught Error: Index messages.by_nothing not found.");
  });

  it("fails unique() with more than one result", async () => {
    const a = await value("runMutation", "users:add", { name: "A", email: "same@x" });
    const b = await value("runMutation", "users:add", { name: "B", email: "same@x" });
    const outcome = await failure("runQuery", "users:byEmail", { email: "same@x" });
    expect(outcome.errorMessage!.split("\n    at ")[0]).toBe(
      `Uncaught Error: unique() query returned more than one result from table users:\n [${a}, ${b}, ...]`,
    );
  });

  it("paginates with opaque cursors and allows one paginated query per function", async () => {
    await seed();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = (await value("runQuery", "messages:page", { paginationOpts: { numItems: 2, cursor } })) as {
        page: string[];
        isDone: boolean;
        continueCursor: string;
      };
      seen.push(...page.page);
      cursor = page.continueCursor;
      if (page.isDone) break;
    }
    expect(seen).toEqual(["first", "second", "other", "third", "pinned"]);
    const two = await failure("runQuery", "messages:twoPages");
    expect(two.errorMessage!.split("\n")[0]).toBe(
      "Uncaught Error: This query or mutation function ran multiple paginated queries. Convex only supports a single paginated query in each function.",
    );
  });

  it("keeps paginating correctly while documents are inserted and deleted between pages", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await value("runMutation", "messages:send", { channel: "p", body: `m${i}` })) as string);
    type Page = { page: string[]; isDone: boolean; continueCursor: string };
    const first = (await value("runQuery", "messages:page", { paginationOpts: { numItems: 4, cursor: null } })) as Page;
    expect(first.page).toEqual(["m0", "m1", "m2", "m3"]);
    await value("runMutation", "messages:remove", { id: ids[1] }); // already seen
    await value("runMutation", "messages:remove", { id: ids[5] }); // not yet seen
    await value("runMutation", "messages:send", { channel: "p", body: "late" }); // newest: sorts last
    const rest: string[] = [];
    let cursor: string | null = first.continueCursor;
    for (let i = 0; i < 10 && cursor !== null; i++) {
      const next = (await value("runQuery", "messages:page", { paginationOpts: { numItems: 4, cursor } })) as Page;
      rest.push(...next.page);
      cursor = next.isDone ? null : next.continueCursor;
    }
    expect(rest).toEqual(["m4", "m6", "m7", "m8", "m9", "late"]);
  });

  it("returns the snapshot timestamp and read set of a query", async () => {
    await seed();
    const outcome = await d.runQuery({ path: "messages:inChannel", args: { channel: "a" } });
    expect(outcome.ts).toBe(d.latestTs());
    expect(outcome.readSet!.ranges.map((r) => r.index)).toContain("messages.by_channel");
  });
});

describe("writes and commits", () => {
  it("patches, reads own writes and deletes", async () => {
    const id = await value("runMutation", "messages:send", { channel: "a", body: "draft" });
    const edited = (await value("runMutation", "messages:edit", { id, body: "final", likes: 3 })) as Record<string, unknown>;
    expect(edited).toMatchObject({ _id: id, body: "final", likes: 3, channel: "a" });
    await value("runMutation", "messages:remove", { id });
    expect(await value("runQuery", "messages:get", { id })).toBeNull();
  });

  it("notifies commit listeners with the writes, and advances latestTs", async () => {
    const commits: Array<{ ts: bigint; tables: string[] }> = [];
    const stop = d.onCommit((c) => commits.push({ ts: c.ts, tables: c.writes.map((w) => w.table) }));
    const before = d.latestTs();
    const outcome = await d.runMutation({ path: "messages:send", args: { channel: "z", body: "hello" } });
    stop();
    expect(commits).toEqual([{ ts: outcome.ts, tables: ["messages"] }]);
    expect(outcome.ts > before).toBe(true);
    expect(d.latestTs()).toBe(outcome.ts);
  });

  it("tells which subscriptions a commit invalidates", async () => {
    const query = await d.runQuery({ path: "messages:inChannel", args: { channel: "a" } });
    let last: Parameters<Parameters<SandboxDeployment["onCommit"]>[0]>[0] | null = null;
    const stop = d.onCommit((c) => (last = c));
    await value("runMutation", "messages:send", { channel: "b", body: "elsewhere" });
    expect(d.readSetOverlaps(query.readSet!, last!)).toBe(false);
    await value("runMutation", "messages:send", { channel: "a", body: "here" });
    expect(d.readSetOverlaps(query.readSet!, last!)).toBe(true);
    stop();
  });

  it("does not commit a mutation that throws", async () => {
    const before = d.latestTs();
    await failure("runMutation", "errors:convexError");
    expect(d.latestTs()).toBe(before);
  });
});

describe("nested calls", () => {
  it("rolls back a failed nested mutation and keeps the rest", async () => {
    expect(await value("runMutation", "nested:bumpTwiceOneFails", { name: "c" })).toEqual({
      caught: "bump failed after writing",
      value: 1,
    });
    expect(await d.run({ path: "nested:count", args: { name: "c" }, allowInternal: true })).toMatchObject({ value: 1 });
  });

  it("limits the call depth", async () => {
    expect(await value("runMutation", "nested:recurse", { depth: 7 })).toBe(7);
    const outcome = await failure("runMutation", "nested:recurse", { depth: 9 });
    expect(outcome.errorMessage!.split("\n")[0]).toBe(
      "Uncaught Error: Cross component call depth limit exceeded. Do you have an infinite loop in your app?",
    );
  });

  it("type-checks nested calls", async () => {
    const outcome = await failure("runQuery", "nested:queryCallsMutation");
    expect(outcome.errorMessage!.split("\n")[0]).toBe(
      "Uncaught Error: Trying to execute nested.js:bump as Query, but it is defined as Mutation.",
    );
  });

  it("runs each ctx.run* of an action in its own transaction", async () => {
    const commits: bigint[] = [];
    const stop = d.onCommit((c) => commits.push(c.ts));
    expect(await value("runAction", "nested:viaAction", { name: "v" })).toBe(2);
    stop();
    expect(commits).toHaveLength(2);
  });

  it("hands ConvexError data from a nested call to the calling action", async () => {
    expect(await value("runAction", "nested:actionCatchesConvexError")).toEqual({
      message: '{"code":"FORBIDDEN","retryAfter":"3n"}',
      data: { code: "FORBIDDEN", retryAfter: { $integer: "AwAAAAAAAAA=" } },
      isConvexError: "ConvexError",
    });
  });
});

describe("syscalls", () => {
  it("refuse unknown operations with Convex's texts", async () => {
    expect(await value("runQuery", "errors:unknownOps")).toEqual([
      "Unknown operation 1.0/noSuchOp",
      "Unknown async operation 1.0/noSuchAsyncOp",
    ]);
  });

  it("answer metadata and transaction metrics", async () => {
    expect(await value("runMutation", "errors:meta")).toEqual({
      written: 1,
      deployment: "sandbox",
      fn: { name: "errors:meta", componentPath: "", type: "mutation", visibility: "public" },
    });
  });
});

describe("identity", () => {
  it("answers getUserIdentity from the call's identity", async () => {
    expect(await value("runQuery", "users:whoAmI")).toBeNull();
    const outcome = await d.runQuery({
      path: "users:whoAmI",
      args: {},
      identity: { tokenIdentifier: "https://issuer|user-1", subject: "user-1", issuer: "https://issuer" },
    });
    expect(outcome.value).toEqual({ subject: "user-1", issuer: "https://issuer" });
  });
});
