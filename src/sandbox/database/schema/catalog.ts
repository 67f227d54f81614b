/**
 * The catalog derived from a schema: for each table its database indexes
 * (built-in `by_id` and `by_creation_time` plus the declared ones, each
 * implicitly ending in `_creationTime` then `_id`), its text-search indexes,
 * and the document validator used on writes.
 */
import { documentValidator } from "./objectType.ts";
import type { SchemaJson, ValidatorJson } from "./schemaJson.ts";

export interface IndexDef {
  table: string;
  /** Index name without the table, e.g. `by_channel`. */
  name: string;
  /** The indexed fields as Convex lists them (user indexes end with `_creationTime`); `_id` follows implicitly. */
  fields: string[];
}

export interface SearchIndexDef {
  table: string;
  name: string;
  searchField: string;
  filterFields: string[];
}

export interface TableCatalog {
  indexes: Map<string, IndexDef>;
  searchIndexes: Map<string, SearchIndexDef>;
  /** Validator for whole documents (system fields included), or null when not enforced. */
  validator: ValidatorJson | null;
}

export const BY_ID = "by_id";
export const BY_CREATION_TIME = "by_creation_time";

export function builtinIndexes(table: string): Map<string, IndexDef> {
  return new Map([
    [BY_ID, { table, name: BY_ID, fields: [] }],
    [BY_CREATION_TIME, { table, name: BY_CREATION_TIME, fields: ["_creationTime"] }],
  ]);
}

export class Catalog {
  readonly tables = new Map<string, TableCatalog>();

  constructor(readonly schema: SchemaJson | null) {
    for (const t of schema?.tables ?? []) {
      const indexes = builtinIndexes(t.tableName);
      for (const ix of t.indexes ?? []) {
        indexes.set(ix.indexDescriptor, {
          table: t.tableName,
          name: ix.indexDescriptor,
          fields: [...ix.fields, "_creationTime"],
        });
      }
      const searchIndexes = new Map<string, SearchIndexDef>();
      for (const ix of t.searchIndexes ?? []) {
        searchIndexes.set(ix.indexDescriptor, {
          table: t.tableName,
          name: ix.indexDescriptor,
          searchField: ix.searchField,
          filterFields: ix.filterFields ?? [],
        });
      }
      const enforce = schema?.schemaValidation !== false && t.documentType !== null;
      this.tables.set(t.tableName, {
        indexes,
        searchIndexes,
        validator: enforce ? documentValidator(t.tableName, t.documentType!) : null,
      });
    }
  }

  indexesOf(table: string): Map<string, IndexDef> {
    return this.tables.get(table)?.indexes ?? builtinIndexes(table);
  }

  searchIndexesOf(table: string): Map<string, SearchIndexDef> {
    return this.tables.get(table)?.searchIndexes ?? new Map();
  }

  index(table: string, name: string): IndexDef | null {
    return this.indexesOf(table).get(name) ?? null;
  }

  searchIndex(table: string, name: string): SearchIndexDef | null {
    return this.tables.get(table)?.searchIndexes.get(name) ?? null;
  }

  validatorOf(table: string): ValidatorJson | null {
    return this.tables.get(table)?.validator ?? null;
  }
}
