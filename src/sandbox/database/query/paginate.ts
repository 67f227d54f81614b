/**
 * `queryPage` (paginate): reads one page of a query starting after `cursor`.
 * Without an end cursor a page stops at `pageSize` rows; with one it returns
 * every row up to and including the end cursor's position, so reactive pages
 * stay gapless. Cursors name index keys, so pages stay stable while documents
 * are inserted and deleted around them.
 */
import type { Document, SerializedQuery } from "../types.ts";
import { keySuccessor } from "../values/indexKey.ts";
import { documentSize } from "../values/size.ts";
import { decodeCursor, encodeCursor, queryFingerprint, type CursorPosition } from "./cursor.ts";
import { IndexScan } from "./indexScan.ts";
import type { KeyInterval } from "./indexRange.ts";
import { OperatorPipeline } from "./operators.ts";
import { planIndexQuery } from "./planQuery.ts";
import type { ReadView } from "./readView.ts";
import { SearchResults } from "../search/searchResults.ts";

export const MAX_PAGE_SIZE = 32_000;
/** Pages reading more rows than this are worth splitting (75% of 8192). */
const SPLIT_RECOMMENDED_ROWS = 6144;
const SPLIT_RECOMMENDED_BYTES = 6 * 1024 * 1024;

export interface PageArgs {
  query: SerializedQuery;
  cursor: string | null;
  endCursor: string | null;
  pageSize: number;
  maximumRowsRead: number | null;
  maximumBytesRead: number | null;
}

export interface PageResult {
  page: Document[];
  isDone: boolean;
  continueCursor: string;
  splitCursor: string | null;
  pageStatus: "SplitRecommended" | "SplitRequired" | null;
}

interface PositionedSource {
  next(): Document | null;
  readonly lastKey: string | null;
  readonly isExhausted: boolean;
}

/** Search results paginate by position in the relevance order. */
class SearchPage implements PositionedSource {
  private offset: number;
  private results: SearchResults;
  private done = false;
  constructor(view: ReadView, source: Extract<SerializedQuery["source"], { type: "Search" }>, start: CursorPosition | null, private readonly endOffset: number | null) {
    this.results = new SearchResults(view, source);
    this.offset = 0;
    if (start?.kind === "end") this.done = true;
    const skip = start?.kind === "after" ? Number(start.key) : 0;
    while (!this.done && this.offset < skip && this.results.next() !== null) this.offset++;
  }
  get lastKey(): string | null {
    return String(this.offset);
  }
  get isExhausted(): boolean {
    return this.done;
  }
  next(): Document | null {
    if (this.done || (this.endOffset !== null && this.offset >= this.endOffset)) return null;
    const doc = this.results.next();
    if (doc === null) {
      this.done = true;
      return null;
    }
    this.offset++;
    return doc;
  }
}

function narrow(interval: KeyInterval, order: "asc" | "desc", after: CursorPosition | null, upTo: CursorPosition | null): KeyInterval | null {
  let { start, end } = interval;
  // Nothing lies after the end, or before the start.
  if (after?.kind === "end" || upTo?.kind === "start") return null;
  if (after?.kind === "after") {
    if (order === "asc") start = keySuccessor(after.key) > start ? keySuccessor(after.key) : start;
    else end = end === null || after.key < end ? after.key : end;
  }
  if (upTo?.kind === "after") {
    if (order === "asc") {
      const limit = keySuccessor(upTo.key);
      end = end === null || limit < end ? limit : end;
    } else {
      start = upTo.key > start ? upTo.key : start;
    }
  }
  return { start, end };
}

export function queryPage(view: ReadView, args: PageArgs): PageResult {
  if (!Number.isInteger(args.pageSize) || args.pageSize < 1) {
    throw new Error("Must request at least 1 document while paginating");
  }
  if (args.pageSize > MAX_PAGE_SIZE) throw new Error(`Requested too many items: ${args.pageSize}`);
  const fingerprint = queryFingerprint(args.query);
  const start = args.cursor === null ? null : decodeCursor(args.cursor, fingerprint);
  const end = args.endCursor === null ? null : decodeCursor(args.endCursor, fingerprint);
  const pipeline = new OperatorPipeline(args.query.operators ?? []);

  let source: PositionedSource | null;
  if (args.query.source.type === "Search") {
    source = new SearchPage(view, args.query.source, start, end?.kind === "after" ? Number(end.key) : null);
  } else {
    const plan = planIndexQuery(view, args.query.source);
    const interval = narrow(plan.interval, plan.order, start, end);
    source = interval === null ? null : new IndexScan(view, plan.table, plan.index.name, interval, plan.order);
  }

  const page: Document[] = [];
  const pageKeys: string[] = [];
  let rowsRead = 0;
  let bytesRead = 0;
  let truncated = false;
  while (source !== null && !pipeline.isEnded) {
    if (end === null && page.length >= args.pageSize) break;
    if (
      (args.maximumRowsRead !== null && rowsRead >= args.maximumRowsRead) ||
      (args.maximumBytesRead !== null && bytesRead >= args.maximumBytesRead)
    ) {
      truncated = true;
      break;
    }
    const doc = source.next();
    if (doc === null) break;
    rowsRead++;
    bytesRead += documentSize(doc);
    if (pipeline.accept(doc)) {
      page.push(doc);
      pageKeys.push(source.lastKey!);
    }
  }

  const exhausted = source === null || source.isExhausted || pipeline.isEnded;
  let continuePosition: CursorPosition;
  let isDone: boolean;
  if (end !== null && !truncated) {
    continuePosition = end;
    isDone = end.kind === "end";
  } else if (exhausted && !truncated) {
    continuePosition = { kind: "end" };
    isDone = true;
  } else {
    // Stopped early (page full or a read limit): continue after the last row read.
    const last = source?.lastKey ?? null;
    continuePosition = last !== null ? { kind: "after", key: last } : (start ?? { kind: "start" });
    isDone = false;
  }

  let pageStatus: PageResult["pageStatus"] = null;
  let splitCursor: string | null = null;
  if (truncated) pageStatus = "SplitRequired";
  else if (rowsRead > SPLIT_RECOMMENDED_ROWS || bytesRead > SPLIT_RECOMMENDED_BYTES) pageStatus = "SplitRecommended";
  if (pageStatus !== null && page.length >= 2) {
    splitCursor = encodeCursor(fingerprint, { kind: "after", key: pageKeys[Math.floor(page.length / 2) - 1] });
  }
  return { page, isDone, continueCursor: encodeCursor(fingerprint, continuePosition), splitCursor, pageStatus };
}
