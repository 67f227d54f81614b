/**
 * The query operators pipeline: `filter` drops documents, `limit(n)` lets n
 * documents through and then ends the stream. Applied in the order the
 * `convex` package lists them.
 */
import type { Document, SerializedQuery } from "../types.ts";
import { compileExpression, type CompiledExpression } from "./filterExpression.ts";

export class OperatorPipeline {
  private readonly counts: number[];
  private readonly filters: Array<CompiledExpression | null>;
  private ended = false;

  constructor(private readonly operators: SerializedQuery["operators"]) {
    this.counts = operators.map(() => 0);
    this.filters = operators.map((op) => ("filter" in op ? compileExpression(op.filter) : null));
    for (const op of operators) {
      if ("limit" in op && (!Number.isInteger(op.limit) || op.limit < 0)) {
        throw new Error(`Invalid limit ${op.limit}: a limit must be a non-negative integer`);
      }
    }
    if (operators.some((op) => "limit" in op && op.limit === 0)) this.ended = true;
  }

  /** True once a limit is used up: no further document can pass. */
  get isEnded(): boolean {
    return this.ended;
  }

  /** Whether `doc` comes out of the pipeline. */
  accept(doc: Document): boolean {
    for (let i = 0; i < this.operators.length; i++) {
      const op = this.operators[i];
      const filter = this.filters[i];
      if (filter !== null) {
        // A document passes `.filter(...)` when the expression evaluates to `true`.
        if (filter(doc) !== true) return false;
      } else if ("limit" in op) {
        this.counts[i]++;
        if (this.counts[i] >= op.limit) this.ended = true;
      }
    }
    return true;
  }
}
