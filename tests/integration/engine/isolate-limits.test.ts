/**
 * The isolate executor's time limits on a deployment: a call is charged for
 * its CPU time; a call that never settles ends at the wall-clock limit; the
 * isolate is recreated afterwards. (Through the real clients:
 * tests/integration/server/isolation.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsolateExecutor } from "../../../src/sandbox/runtime/executor/isolate/index.ts";
import { deployEngineApp } from "./helpers.ts";

let executor: IsolateExecutor;
beforeAll(() => {
  executor = new IsolateExecutor({ memoryMb: 64 });
});
afterAll(() => {
  executor.dispose();
});

describe("isolate time limits", () => {
  it("ends a runaway loop at its CPU budget with Convex's text, and keeps serving", async () => {
    const d = await deployEngineApp({ executor, limits: { queryMutationTimeoutMs: 250 } });
    try {
      const outcome = await d.runQuery({ path: "errors:spin", args: {} });
      expect(outcome.errorMessage).toBe("Function execution timed out (maximum duration: 250ms)");
      expect(await d.runQuery({ path: "determinism:clock", args: {} })).toMatchObject({ status: "success" });
    } finally {
      await d.dispose();
    }
  });

  it("ends a call that never settles at the wall-clock limit, without committing", async () => {
    const d = await deployEngineApp({ executor, limits: { queryMutationTimeoutMs: 250, queryMutationWallClockMs: 600 } });
    try {
      const before = d.latestTs();
      const outcome = await d.runMutation({ path: "errors:hang", args: {} });
      expect(outcome.errorMessage).toBe("Function execution did not finish within 0.6s: it is waiting for a promise that never settles.");
      expect(d.latestTs()).toBe(before);
      expect(await d.runQuery({ path: "determinism:clock", args: {} })).toMatchObject({ status: "success" });
    } finally {
      await d.dispose();
    }
  });
});
