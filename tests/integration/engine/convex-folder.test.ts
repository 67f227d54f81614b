/**
 * The repository's own `convex/` project, pushed unchanged into a sandbox
 * deployment and exercised through its public functions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployment, type SandboxDeployment } from "../../../src/sandbox/index.ts";
import { CONVEX_DIR, readFunctionsFolder } from "./helpers.ts";

let d: SandboxDeployment;
beforeAll(async () => {
  d = await createDeployment({ files: readFunctionsFolder(CONVEX_DIR) });
});
afterAll(async () => {
  await d.dispose();
});

async function ok(kind: "runQuery" | "runMutation", path: string, args: Record<string, unknown> = {}) {
  const outcome = await d[kind]({ path, args: args as never });
  if (outcome.status !== "success") throw new Error(`${path}: ${outcome.errorMessage}`);
  return outcome.value;
}

describe("convex/ folder", () => {
  it("registers its functions from the sources alone (its _generated folder is regenerated)", () => {
    const paths = d.functions().map((f) => `${f.path} ${f.visibility} ${f.udfType}`);
    expect(paths).toContain("messages:send public mutation");
    expect(paths).toContain("messages:list public query");
    expect(paths).toContain("tasks:clearCompleted internal mutation");
  });

  it("sends and lists messages, newest first, and by author through the index", async () => {
    await ok("runMutation", "messages:send", { author: "ada", body: "first" });
    await ok("runMutation", "messages:send", { author: "bob", body: "second" });
    await ok("runMutation", "messages:send", { author: "ada", body: "third" });
    const list = (await ok("runQuery", "messages:list", { limit: 2 })) as Array<{ body: string }>;
    expect(list.map((m) => m.body)).toEqual(["third", "second"]);
    const ada = (await ok("runQuery", "messages:byAuthor", { author: "ada" })) as Array<{ body: string }>;
    expect(ada.map((m) => m.body)).toEqual(["first", "third"]);
  });

  it("rejects an empty message with the function's own error", async () => {
    const outcome = await d.runMutation({ path: "messages:send", args: { author: "ada", body: "  " } });
    expect(outcome.errorMessage!.split("\n")[0]).toBe("Uncaught Error: A message needs some text.");
    expect(outcome.errorMessage).toMatch(/\n {4}at handler \(\.\.\/convex\/messages\.ts:\d+:\d+\)/);
  });

  it("adds, completes, pages through and clears tasks", async () => {
    const ids: string[] = [];
    for (const text of ["write", "test", "ship"]) ids.push((await ok("runMutation", "tasks:add", { text })) as string);
    await ok("runMutation", "tasks:add", { text: "review", assignee: "ada" });
    expect(await ok("runMutation", "tasks:setCompleted", { id: ids[0], isCompleted: true })).toBeNull();

    const open = (await ok("runQuery", "tasks:open", {})) as Array<{ text: string }>;
    expect(open.map((t) => t.text).sort()).toEqual(["review", "ship", "test"]);
    const adas = (await ok("runQuery", "tasks:open", { assignee: "ada" })) as Array<{ text: string }>;
    expect(adas.map((t) => t.text)).toEqual(["review"]);

    const first = (await ok("runQuery", "tasks:list", { paginationOpts: { numItems: 3, cursor: null } })) as {
      page: Array<{ text: string }>;
      isDone: boolean;
      continueCursor: string;
    };
    expect(first.page.map((t) => t.text)).toEqual(["review", "ship", "test"]);
    expect(first.isDone).toBe(false);
    const second = (await ok("runQuery", "tasks:list", { paginationOpts: { numItems: 3, cursor: first.continueCursor } })) as {
      page: Array<{ text: string }>;
      isDone: boolean;
    };
    expect(second.page.map((t) => t.text)).toEqual(["write"]);
    expect(second.isDone).toBe(true);

    const cleared = await d.run({ path: "tasks:clearCompleted", args: {}, allowInternal: true });
    expect(cleared).toMatchObject({ status: "success", value: 1 });
  });

  it("reports a missing task as ConvexError data", async () => {
    const id = (await ok("runMutation", "tasks:add", { text: "temporary" })) as string;
    await ok("runMutation", "tasks:remove", { id });
    const outcome = await d.runMutation({ path: "tasks:setCompleted", args: { id, isCompleted: true } });
    expect(outcome.status).toBe("error");
    expect(outcome.errorData).toEqual({ code: "NOT_FOUND", id });
  });
});
