/** One committed state of the database: a timestamp, the catalog, and each table's immutable store. */
import type { Catalog } from "./schema/catalog.ts";
import type { TableStore } from "./indexes/tableStore.ts";
import type { Timestamp } from "./types.ts";

export class Snapshot {
  constructor(
    readonly ts: Timestamp,
    readonly catalog: Catalog,
    readonly tables: ReadonlyMap<string, TableStore>,
  ) {}
}
