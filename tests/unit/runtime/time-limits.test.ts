import { describe, expect, it } from "vitest";
import { formatDuration, timeoutMessage } from "../../../src/sandbox/runtime/executor/contextRunner.ts";

describe("time limit texts", () => {
  it("prints durations the way Rust's Debug prints a Duration", () => {
    expect(formatDuration(1000)).toBe("1s");
    expect(formatDuration(1500)).toBe("1.5s");
    expect(formatDuration(600_000)).toBe("600s");
    expect(formatDuration(300)).toBe("300ms");
    expect(formatDuration(2.5)).toBe("2.5ms");
    expect(formatDuration(0.25)).toBe("250µs");
  });

  it("uses Convex's UserTimeoutError text", () => {
    expect(timeoutMessage(1000)).toBe("Function execution timed out (maximum duration: 1s)");
    expect(timeoutMessage(300)).toBe("Function execution timed out (maximum duration: 300ms)");
  });
});
