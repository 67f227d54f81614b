/** Small measuring helpers the benchmark suites share. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The value at percentile `p` (0–100) of `values`: the sorted element at index ⌊p% · n⌋. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The middle value (for an even count, the upper of the two middle values). */
export function median(values: number[]): number {
  return percentile(values, 50);
}

setFlagsFromString("--expose-gc");
/** A full garbage collection, so that earlier garbage is not billed to what is measured next. */
export const collectGarbage = runInNewContext("gc") as () => void;
