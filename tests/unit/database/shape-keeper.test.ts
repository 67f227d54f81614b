/**
 * The database's optimized write path survives the collection of every
 * deployment's data (see src/sandbox/database/shapeKeeper.ts).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Database, Transaction } from "../../../src/sandbox/database/index.ts";

setFlagsFromString("--allow-natives-syntax");
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
// V8's own view of a function: bit 4 (16) is set while it runs optimized code.
const optimizationStatus = new Function("f", "return %GetOptimizationStatus(f)") as (f: unknown) => number;
const optimizeNext = new Function("f", "%PrepareFunctionForOptimization(f)") as (f: unknown) => void;
const optimizeNow = new Function("f", "%OptimizeFunctionOnNextCall(f)") as (f: unknown) => void;
const OPTIMIZED = 16;

function fillDatabase(): void {
  const db = new Database();
  for (let c = 0; c < 4; c++) {
    const tx = db.begin();
    for (let i = 0; i < 100; i++) tx.insert("notes", { title: `note ${c}-${i}`, done: i % 2 === 0 });
    db.commit(tx);
  }
}

describe("shape keeper", () => {
  it("keeps the write path optimized after a deployment's data is collected", () => {
    // A transaction's write: schema check, size, and every index's tree (inlined into it).
    const write = (Transaction.prototype as unknown as { write: unknown }).write;
    const optimized = () => (optimizationStatus(write) & OPTIMIZED) !== 0;
    optimizeNext(write);
    fillDatabase();
    optimizeNow(write);
    fillDatabase();
    expect(optimized()).toBe(true);
    // Every database but the kept one is garbage now.
    gc();
    gc();
    expect(optimized()).toBe(true);
  });
});
