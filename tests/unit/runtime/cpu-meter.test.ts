/**
 * The isolate CPU meter with a real isolated-vm isolate: entries are charged
 * by the isolate's CPU time, a spinning entry is reported while it spins, and
 * waiting between entries costs nothing.
 */
import ivm from "isolated-vm";
import { afterEach, describe, expect, it } from "vitest";
import { CpuMeter, type MeteredCall } from "../../../src/sandbox/runtime/executor/isolate/cpu-meter.ts";

const isolates: ivm.Isolate[] = [];
afterEach(() => {
  for (const isolate of isolates.splice(0)) if (!isolate.isDisposed) isolate.dispose();
});

function setup(onOverrun: (call: MeteredCall) => void = () => {}) {
  const isolate = new ivm.Isolate({ memoryLimit: 16 });
  isolates.push(isolate);
  const context = isolate.createContextSync();
  const meter = new CpuMeter(isolate, onOverrun);
  return { isolate, context, meter };
}

/** A loop of a fixed amount of work (no clock reads, so the work is counted, not timed). */
const WORK = "let x = 0; for (let i = 0; i < 20000000; i++) x = (x * 31 + i) % 1000003; x";

describe("CpuMeter", () => {
  it("charges an entry's CPU time to its call, and nothing for waiting between entries", async () => {
    const { context, meter } = setup();
    const call: MeteredCall = { cpuMs: 0, budgetMs: 60_000, finished: false };
    await meter.track(call, context.eval(WORK));
    const afterWork = call.cpuMs;
    expect(afterWork).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await meter.track(call, context.eval("1"));
    // The 200 ms wait is not CPU time of the isolate.
    expect(call.cpuMs - afterWork).toBeLessThan(50);
  });

  it("charges each entry to its own call, in the order the isolate runs them", async () => {
    const { context, meter } = setup();
    const busy: MeteredCall = { cpuMs: 0, budgetMs: 60_000, finished: false };
    const idle: MeteredCall = { cpuMs: 0, budgetMs: 60_000, finished: false };
    await Promise.all([meter.track(busy, context.eval(WORK)), meter.track(idle, context.eval("1"))]);
    expect(busy.cpuMs).toBeGreaterThan(idle.cpuMs);
  });

  it("reports a call past its budget while its entry still spins", async () => {
    let overrun: MeteredCall | null = null;
    const { isolate, context, meter } = setup((call) => {
      overrun = call;
      if (!isolate.isDisposed) isolate.dispose();
    });
    const call: MeteredCall = { cpuMs: 0, budgetMs: 50, finished: false };
    const outcome = await meter.track(call, context.eval("for (;;) {}")).then(
      () => "finished",
      (e: Error) => e.message,
    );
    expect(overrun).toBe(call);
    expect(outcome).not.toBe("finished");
    expect(call.cpuMs).toBeGreaterThan(50);
  });

  it("does not report a call that already settled", async () => {
    let reported = false;
    const { context, meter } = setup(() => {
      reported = true;
    });
    const call: MeteredCall = { cpuMs: 0, budgetMs: 1, finished: true };
    await meter.track(call, context.eval(WORK));
    expect(reported).toBe(false);
  });
});
