/**
 * Failures of a function call as the caller sees them: the Convex error text,
 * ConvexError data, and the message to rethrow inside a calling function.
 */
import type { JSONValue, UserCodeError } from "./types.ts";

export class CallFailure extends Error {
  constructor(
    /** The text the caller gets, e.g. "Uncaught Error: boom\n    at handler (../convex/a.ts:3:9)". */
    message: string,
    /** ConvexError data, JSON form. */
    readonly errorData?: JSONValue,
    /** What a calling function's `ctx.run*` rethrows (the thrown message, without "Uncaught"). */
    readonly nestedMessage: string = message,
  ) {
    super(message);
    this.name = "CallFailure";
  }

  static fromUserCode(error: UserCodeError): CallFailure {
    return new CallFailure(error.message, error.errorData, error.thrown?.message ?? error.message);
  }

  /** Anything thrown while running a call, as a CallFailure. */
  static from(error: unknown): CallFailure {
    if (error instanceof CallFailure) return error;
    if (error instanceof Error) {
      const data = (error as { data?: JSONValue }).data;
      return new CallFailure(error.message, data);
    }
    const e = error as Partial<UserCodeError> | null;
    if (e && typeof e === "object" && typeof e.message === "string") return CallFailure.fromUserCode(e as UserCodeError);
    return new CallFailure(String(error));
  }
}

/** The final error after every optimistic-concurrency retry failed (CONVEX-SEMANTICS §5 "OCC"). */
export function writeConflictMessage(opts: {
  table: string | null;
  documentId: string | null;
  /** The function whose commit changed the document, when known. */
  writer: string | null;
  /** The mutation that gave up. */
  current: string;
}): string {
  const where = opts.table ? `the "${opts.table}" table` : "some table";
  let text = `Documents read from or written to ${where} changed while this mutation was being run and on every subsequent retry.`;
  if (opts.documentId) {
    const who = opts.writer && opts.writer !== opts.current ? `A call to "${opts.writer}"` : "Another call to this mutation";
    text += ` ${who} changed the document with ID "${opts.documentId}".`;
  }
  return `${text} See https://docs.convex.dev/error#1`;
}
