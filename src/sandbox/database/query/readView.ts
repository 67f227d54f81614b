/** What query execution needs from a transaction: its snapshot view and its read accounting. */
import type { Catalog } from "../schema/catalog.ts";
import type { TableStore } from "../indexes/tableStore.ts";
import type { Document } from "../types.ts";

/** An index interval that a query has read so far; its bounds grow as the query advances. */
export interface ObservedRange {
  /** `table.index` */
  readonly index: string;
  readonly table: string;
  /** [start, end) in encoded key space, or null when nothing has been read yet. */
  observed(): { start: string; end: string | null } | null;
}

export interface ReadView {
  readonly catalog: Catalog;
  table(name: string): TableStore | undefined;
  /** Counts one index range against the transaction limits and adds it to the read set. */
  addRange(range: ObservedRange): void;
  /** Counts one scanned document against the transaction limits. */
  documentRead(doc: Document): void;
  /** Records that text-search results of `table` were read. */
  searchedTable(table: string): void;
}
