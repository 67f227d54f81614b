import { afterEach, describe, expect, it } from "vitest";
import { createPlatformDeployment, type PlatformDeployment } from "../../../src/sandbox/platform/attach.js";
import { waitFor } from "./fixtures.js";

const files = {
  "schema.ts": `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({ events: defineTable({ name: v.string() }) });`,
  "jobs.ts": `import { mutation, internalMutation, action, internalAction, query } from "./_generated/server";
import { internal } from "./_generated/api";
import { v } from "convex/values";

export const record = internalMutation({ args: { name: v.string() }, handler: async (ctx, { name }) => {
  await ctx.db.insert("events", { name });
}});
export const fail = internalMutation({ args: {}, handler: async () => { throw new Error("job failed"); }});
export const scheduleThenThrow = mutation({ args: {}, handler: async (ctx) => {
  await ctx.scheduler.runAfter(0, internal.jobs.record, { name: "should not exist" });
  throw new Error("rolled back");
}});
export const scheduleRecord = mutation({ args: { name: v.string(), delayMs: v.number() }, handler: async (ctx, { name, delayMs }) => {
  return await ctx.scheduler.runAfter(delayMs, internal.jobs.record, { name });
}});
export const scheduleFail = mutation({ args: {}, handler: async (ctx) => ctx.scheduler.runAfter(0, internal.jobs.fail, {}) });
export const cancel = mutation({ args: { id: v.id("_scheduled_functions") }, handler: async (ctx, { id }) => { await ctx.scheduler.cancel(id); }});
export const cancelSelf = internalMutation({ args: {}, handler: async (ctx) => {
  const { scheduledFunctionId } = await ctx.meta.getRequestMetadata();
  await ctx.scheduler.cancel(scheduledFunctionId!);
}});
export const scheduleCancelSelf = mutation({ args: {}, handler: async (ctx) => ctx.scheduler.runAfter(0, internal.jobs.cancelSelf, {}) });
export const job = query({ args: { id: v.id("_scheduled_functions") }, handler: async (ctx, { id }) => ctx.db.system.get(id) });
export const jobs = query({ args: {}, handler: async (ctx) => ctx.db.system.query("_scheduled_functions").collect() });
export const events = query({ args: {}, handler: async (ctx) => (await ctx.db.query("events").collect()).map((e) => e.name) });
export const farFuture = mutation({ args: {}, handler: async (ctx) => ctx.scheduler.runAt(Date.now() + 6 * 365 * 86400000, internal.jobs.record, { name: "x" }) });
export const missing = mutation({ args: {}, handler: async (ctx) => ctx.scheduler.runAfter(0, "jobs:nope" as any, {}) });
export const missingModule = mutation({ args: {}, handler: async (ctx) => ctx.scheduler.runAfter(0, "mailer:send" as any, {}) });
export const fromAction = action({ args: {}, handler: async (ctx) => {
  const id = await ctx.scheduler.runAfter(0, internal.jobs.record, { name: "from action" });
  return id;
}});
export const slowAction = internalAction({ args: {}, handler: async (ctx) => {
  await new Promise((r) => setTimeout(r, 50));
  await ctx.runMutation(internal.jobs.record, { name: "slow action done" });
  return null;
}});
export const slowParent = internalAction({ args: { ms: v.number() }, handler: async (ctx, { ms }) => {
  await new Promise((r) => setTimeout(r, ms));
  await ctx.scheduler.runAfter(0, internal.jobs.record, { name: "child of a canceled action" });
  return null;
}});
export const scheduleSlowParent = mutation({ args: { ms: v.number() }, handler: async (ctx, { ms }) => ctx.scheduler.runAfter(0, internal.jobs.slowParent, { ms }) });
export const scheduleSlowAction = mutation({ args: {}, handler: async (ctx) => ctx.scheduler.runAfter(0, internal.jobs.slowAction, {}) });
`,
};

let deployment: PlatformDeployment | null = null;
afterEach(async () => {
  await deployment?.dispose();
  deployment = null;
});


describe("scheduler through the deployment API", () => {
  it("runs a mutation scheduled with runAfter(0) exactly once and records success", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const scheduled = await d.runMutation({ path: "jobs:scheduleRecord", args: { name: "hello", delayMs: 0 } });
    expect(scheduled.status).toBe("success");
    const id = scheduled.value as string;
    const job = await waitFor(
      async () => (await d.runQuery({ path: "jobs:job", args: { id } })).value as any,
      (j) => j?.state.kind === "success",
    );
    expect(job).toMatchObject({ _id: id, name: "jobs.js:record", args: [{ name: "hello" }], state: { kind: "success" } });
    expect(typeof job.completedTime).toBe("number");
    expect((await d.runQuery({ path: "jobs:events", args: {} })).value).toEqual(["hello"]);
  });

  it("a mutation that fails schedules nothing", async () => {
    deployment = await createPlatformDeployment({ files });
    const out = await deployment.runMutation({ path: "jobs:scheduleThenThrow", args: {} });
    expect(out.status).toBe("error");
    await new Promise((r) => setTimeout(r, 50));
    expect((await deployment.runQuery({ path: "jobs:jobs", args: {} })).value).toEqual([]);
    expect((await deployment.runQuery({ path: "jobs:events", args: {} })).value).toEqual([]);
  });

  it("records failures, cancels pending jobs, refuses self-cancel and bad paths/times", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const failId = (await d.runMutation({ path: "jobs:scheduleFail", args: {} })).value as string;
    const failed = await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id: failId } })).value as any, (j) => j?.state.kind !== "pending");
    expect(failed.state.kind).toBe("failed");
    expect(failed.state.error).toContain("job failed");

    const later = (await d.runMutation({ path: "jobs:scheduleRecord", args: { name: "never", delayMs: 60_000 } })).value as string;
    expect((await d.runMutation({ path: "jobs:cancel", args: { id: later } })).status).toBe("success");
    expect(((await d.runQuery({ path: "jobs:job", args: { id: later } })).value as any).state).toEqual({ kind: "canceled" });

    const selfId = (await d.runMutation({ path: "jobs:scheduleCancelSelf", args: {} })).value as string;
    const self = await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id: selfId } })).value as any, (j) => j?.state.kind !== "pending");
    expect(self.state.kind).toBe("failed");
    expect(self.state.error).toContain("A mutation cannot cancel itself");

    const far = await d.runMutation({ path: "jobs:farFuture", args: {} });
    expect(far.errorMessage).toMatch(/\d+(\.\d+)? is more than 5 years in the future/);
    const missing = await d.runMutation({ path: "jobs:missing", args: {} });
    expect(missing.errorMessage).toContain(
      "Attempted to schedule function, but no exported function nope found in the file: jobs.js. Did you forget to export it?",
    );
    const missingModule = await d.runMutation({ path: "jobs:missingModule", args: {} });
    expect(missingModule.errorMessage).toContain("Attempted to schedule function at nonexistent path: mailer.js");
  });

  it("schedules immediately from an action; actions pass through inProgress", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const id = (await d.runAction({ path: "jobs:fromAction", args: {} })).value as string;
    await waitFor(async () => (await d.runQuery({ path: "jobs:events", args: {} })).value as string[], (e) => e.length === 1);
    const actionJob = (await d.runMutation({ path: "jobs:scheduleSlowAction", args: {} })).value as string;
    const running = await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id: actionJob } })).value as any, (j) => j?.state.kind !== "pending");
    expect(running.state.kind).toBe("inProgress");
    const done = await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id: actionJob } })).value as any, (j) => j?.state.kind === "success");
    expect(done.state.kind).toBe("success");
    expect(((await d.runQuery({ path: "jobs:job", args: { id } })).value as any).state.kind).toBe("success");
  });
});

describe("scheduler across a restart", () => {
  it("re-arms pending jobs replayed from the commit log", async () => {
    const commits: import("../../../src/sandbox/database/types.js").Commit[] = [];
    const commitLog = { append: (c: (typeof commits)[number]) => void commits.push(c), load: () => [...commits], clear: () => void (commits.length = 0) };
    const first = await createPlatformDeployment({ files, commitLog });
    const id = (await first.runMutation({ path: "jobs:scheduleRecord", args: { name: "after restart", delayMs: 300 } })).value as string;
    await first.dispose();
    await new Promise((r) => setTimeout(r, 400));
    deployment = await createPlatformDeployment({ files, commitLog });
    const d = deployment;
    const job = await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id } })).value as any, (j) => j?.state.kind === "success");
    expect(job.state.kind).toBe("success");
    expect((await d.runQuery({ path: "jobs:events", args: {} })).value).toEqual(["after restart"]);
  });
});

describe("scheduled actions", () => {
  it("canceling a running action lets it finish, but what it schedules never runs", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const parent = (await d.runMutation({ path: "jobs:scheduleSlowParent", args: { ms: 150 } })).value as string;
    await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id: parent } })).value as any, (j) => j?.state.kind === "inProgress");
    expect((await d.runMutation({ path: "jobs:cancel", args: { id: parent } })).status).toBe("success");
    const jobs = await waitFor(async () => (await d.runQuery({ path: "jobs:jobs", args: {} })).value as any[], (js) => js.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(jobs.map((j) => [j.name, j.state.kind])).toEqual([
      ["jobs.js:slowParent", "canceled"],
      ["jobs.js:record", "canceled"],
    ]);
    expect((await d.runQuery({ path: "jobs:events", args: {} })).value).toEqual([]);
  });

  it("run at most once: an action interrupted by a crash is marked failed, not retried", async () => {
    const durable: import("../../../src/sandbox/database/types.js").Commit[] = [];
    let crashed = false;
    // Commits after the crash never reach the log, as with kill -9.
    const commitLog = {
      append: (c: (typeof durable)[number]) => void (crashed || durable.push(c)),
      load: () => [...durable],
      clear: () => void (durable.length = 0),
    };
    const first = await createPlatformDeployment({ files, commitLog });
    const id = (await first.runMutation({ path: "jobs:scheduleSlowParent", args: { ms: 300 } })).value as string;
    await waitFor(async () => (await first.runQuery({ path: "jobs:job", args: { id } })).value as any, (j) => j?.state.kind === "inProgress");
    crashed = true;
    deployment = await createPlatformDeployment({ files, commitLog });
    const d = deployment;
    const job = await waitFor(async () => (await d.runQuery({ path: "jobs:job", args: { id } })).value as any, (j) => j?.state.kind === "failed");
    expect(job.state.error).toMatch(/interrupted because the sandbox restarted/);
    await new Promise((r) => setTimeout(r, 400));
    expect(((await d.runQuery({ path: "jobs:job", args: { id } })).value as any).state.kind).toBe("failed");
    await first.dispose();
  });
});
