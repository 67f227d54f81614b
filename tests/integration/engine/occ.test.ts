/**
 * Optimistic concurrency: a mutation whose reads are overwritten by a
 * concurrent commit before it commits is retried; when every retry
 * conflicts, the caller gets Convex's write-conflict error.
 *
 * The concurrent writer is a test-only syscall the mutation calls between its
 * read and its write; it commits straight to the database, like another
 * mutation committing in between.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxDeployment } from "../../../src/sandbox/index.ts";
import { deployEngineApp } from "./helpers.ts";

let d: SandboxDeployment;
let interleavedWrites = 0;
let interleaveBudget = 0;
/** The function the concurrent writer's commits are attributed to (null: none). */
let interleavedWriter: string | null = null;

beforeAll(async () => {
  d = await deployEngineApp();
  d.registerSyscalls({
    async: {
      "test/concurrentWrite": async (_call, { id }: { id: string }) => {
        if (interleaveBudget === 0) return null;
        interleaveBudget--;
        const tx = d.database.begin(interleavedWriter === null ? {} : { writeSource: interleavedWriter });
        const row = tx.get(id)!;
        tx.patch(id, { value: (row.value as number) + 100 });
        d.database.commit(tx);
        interleavedWrites++;
        return null;
      },
    },
  });
});
afterAll(async () => {
  await d.dispose();
});

async function counter(value: number): Promise<string> {
  await d.reset();
  const tx = d.database.begin();
  const id = tx.insert("counters", { name: "c", value });
  d.database.commit(tx);
  return id;
}

describe("write conflicts", () => {
  it("retries a mutation whose read was overwritten, then commits on fresh data", async () => {
    await counter(1);
    interleavedWrites = 0;
    interleaveBudget = 1;
    const outcome = await d.runMutation({ path: "counters:incrementWithInterleavedWrite", args: { name: "c" } });
    expect(interleavedWrites).toBe(1);
    expect(outcome).toMatchObject({ status: "success", value: 102 });
  });

  it("gives up after the retries with the real write-conflict error", async () => {
    const id = await counter(1);
    interleavedWrites = 0;
    interleaveBudget = 1_000;
    const outcome = await d.runMutation({ path: "counters:incrementWithInterleavedWrite", args: { name: "c" } });
    expect(interleavedWrites).toBe(d.limits.mutationAttempts);
    expect(outcome.status).toBe("error");
    expect(outcome.errorMessage).toBe(
      `Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry. ` +
        `Another call to this mutation changed the document with ID "${id}". See https://docs.convex.dev/error#1`,
    );
    interleaveBudget = 0;
  });

  it("names the function whose commit kept conflicting", async () => {
    const id = await counter(1);
    interleaveBudget = 1_000;
    interleavedWriter = "counters:resetAll";
    try {
      const outcome = await d.runMutation({ path: "counters:incrementWithInterleavedWrite", args: { name: "c" } });
      expect(outcome.errorMessage).toBe(
        `Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry. ` +
          `A call to "counters:resetAll" changed the document with ID "${id}". See https://docs.convex.dev/error#1`,
      );
    } finally {
      interleaveBudget = 0;
      interleavedWriter = null;
    }
  });

  it("serializes mutations issued concurrently, so none conflicts", async () => {
    await counter(0);
    interleaveBudget = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => d.runMutation({ path: "counters:incrementWithInterleavedWrite", args: { name: "c" } })),
    );
    expect(outcomes.every((o) => o.status === "success")).toBe(true);
    expect(outcomes.map((o) => o.value).sort((a, b) => (a as number) - (b as number))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
