/**
 * The query journal: what a top-level query remembers between re-runs of one
 * subscription. Convex keeps a paginated query's end cursor there, so that a
 * re-run returns exactly the rows up to where the page ended the first time
 * (gapless reactive pages). The text is opaque to clients; they send back what
 * they received.
 */
import { CallFailure } from "../failures.ts";

export interface QueryJournal {
  /** The end cursor from the journal the query was re-run with (null on a first run). */
  readonly givenEndCursor: string | null;
  /** The end cursor this run's `paginate()` recorded (null when it did not paginate). */
  recordedEndCursor: string | null;
}

export function parseJournal(text: string | null | undefined): QueryJournal {
  if (text === null || text === undefined || text === "") return { givenEndCursor: null, recordedEndCursor: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CallFailure(`Invalid query journal: ${JSON.stringify(text.slice(0, 80))}`);
  }
  const endCursor = (parsed as { endCursor?: unknown } | null)?.endCursor;
  if (typeof parsed !== "object" || parsed === null || (endCursor !== null && typeof endCursor !== "string")) {
    throw new CallFailure(`Invalid query journal: ${JSON.stringify(text.slice(0, 80))}`);
  }
  return { givenEndCursor: endCursor, recordedEndCursor: null };
}

/** The journal text to return with a query result: null when the query did not paginate. */
export function serializeJournal(journal: QueryJournal): string | null {
  return journal.recordedEndCursor === null ? null : JSON.stringify({ endCursor: journal.recordedEndCursor });
}
