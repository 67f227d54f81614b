/**
 * Transaction limits reached from real functions: the call fails with
 * Convex's error, nothing is committed, and the deployment keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxDeployment } from "../../../src/sandbox/index.ts";
import { deployEngineApp } from "./helpers.ts";

let d: SandboxDeployment;
let messageId: string;
beforeAll(async () => {
  // A generous time budget: these calls do thousands of reads on a shared test machine.
  d = await deployEngineApp({ limits: { queryMutationTimeoutMs: 10_000 } });
  messageId = (await d.runMutation({ path: "messages:send", args: { channel: "a", body: "b" } })).value as string;
});
afterAll(async () => {
  await d.dispose();
});

const HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";

describe("transaction limits", () => {
  it("allow 4096 reads and refuse the next one", async () => {
    expect(await d.runQuery({ path: "limits:manyGets", args: { id: messageId, times: 4096 } })).toMatchObject({
      status: "success",
      value: 4096,
    });
    const over = await d.runQuery({ path: "limits:manyGets", args: { id: messageId, times: 4097 } });
    expect(over.errorMessage!.split("\n")[0]).toBe(
      `Uncaught Error: Too many reads in a single function execution (limit: 4096). ${HELP}`,
    );
  });

  it("refuse more than 16 MiB of writes and commit none of them", async () => {
    const before = d.latestTs();
    const over = await d.runMutation({ path: "limits:bigWrites", args: { docs: 17 } });
    expect(over.errorMessage!.split("\n")[0]).toBe(
      "Uncaught Error: Too many bytes written in a single function execution (limit: 16 MiB)",
    );
    expect(d.latestTs()).toBe(before);
    expect(await d.runQuery({ path: "messages:inChannel", args: { channel: "big" } })).toMatchObject({ value: [] });
  });

  it("refuse arguments over 16 MiB before running the function", async () => {
    const before = d.latestTs();
    const over = await d.runMutation({ path: "limits:echoLength", args: { text: "z".repeat(17 * 1024 * 1024) } });
    expect(over.errorMessage).toBe("Arguments for limits.js:echoLength are too large (actual: 17 MiB, limit: 16 MiB)");
    expect(d.latestTs()).toBe(before);
    expect(await d.runMutation({ path: "limits:echoLength", args: { text: "fits" } })).toMatchObject({ value: 4 });
  });

  it("fail a return value over 16 MiB", async () => {
    const over = await d.runQuery({ path: "limits:bigResult", args: { megabytes: 17 } });
    expect(over.errorMessage).toBe("Function limits.js:bigResult return value is too large (actual: 17 MiB, limit: 16 MiB)");
    expect(await d.runQuery({ path: "limits:bigResult", args: { megabytes: 1 } })).toMatchObject({ status: "success" });
  });
});
