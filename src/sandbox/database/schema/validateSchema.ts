/**
 * Checks a pushed schema's tables and indexes before it is installed, with
 * Convex's messages: identifier rules, reserved names, index field rules,
 * duplicate indexes and the per-table limits.
 */
import type { SchemaJson } from "./schemaJson.ts";

export const MAX_INDEX_FIELDS = 16;
export const MAX_SEARCH_FILTER_FIELDS = 16;
export const MAX_INDEXES_PER_TABLE = 64;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const INDEX_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const RESERVED_INDEX_NAMES = new Set(["by_id", "by_creation_time"]);

export function invalidTableNameMessage(table: string): string {
  return `Invalid table name: "${table}". Identifiers must start with a letter and can only contain letters, digits, and underscores.`;
}

function checkIndexName(table: string, name: string, seen: Set<string>): void {
  if (name.startsWith("_") || RESERVED_INDEX_NAMES.has(name)) {
    throw new Error(
      `In table "${table}" cannot name an index "${name}" because the name is reserved. Indexes may not start with an underscore or be named "by_id" or "by_creation_time".`,
    );
  }
  if (!INDEX_NAME.test(name)) {
    throw new Error(
      `Invalid index name: "${name}". Identifiers must be 64 characters or less, start with a letter, and only contain letters, digits, underscores.`,
    );
  }
  if (seen.has(name)) throw new Error(`Table "${table}" has two or more definitions of index "${name}".`);
  seen.add(name);
}

export function validateSchema(schema: SchemaJson): void {
  if (!schema || !Array.isArray(schema.tables)) throw new Error("A schema must have a `tables` array");
  for (const table of schema.tables) {
    const t = table.tableName;
    if (typeof t !== "string" || !IDENTIFIER.test(t)) {
      if (typeof t === "string" && t.startsWith("_")) throw new Error(`${t} is a reserved table name.`);
      throw new Error(invalidTableNameMessage(String(t)));
    }
    const names = new Set<string>();
    const fieldSets = new Map<string, string>();
    const indexes = table.indexes ?? [];
    if (indexes.length + (table.searchIndexes ?? []).length > MAX_INDEXES_PER_TABLE) {
      throw new Error(`Table "${t}" cannot have more than ${MAX_INDEXES_PER_TABLE} indexes.`);
    }
    for (const index of indexes) {
      checkIndexName(t, index.indexDescriptor, names);
      if (index.fields.length === 0) {
        throw new Error(`In table "${t}" index "${index.indexDescriptor}" must have at least one field.`);
      }
      if (index.fields.length > MAX_INDEX_FIELDS) throw new Error(`Indexes may have up to ${MAX_INDEX_FIELDS} fields.`);
      const seen = new Set<string>();
      for (const field of index.fields) {
        if (field === "_id") {
          throw new Error("`_id` is not a valid index field. To load documents by ID, use `db.get(id)`.");
        }
        if (field === "_creationTime") {
          throw new Error(
            "`_creationTime` is automatically added to the end of each index. It should not be added explicitly in the index definition. See https://docs.convex.dev/using/indexes for more details.",
          );
        }
        if (field.split(".").some((part) => part.startsWith("_"))) {
          throw new Error("Reserved fields (starting with `_`) are not allowed in indexes.");
        }
        if (seen.has(field)) throw new Error(`Duplicate field "${field}". Index fields must be unique within an index.`);
        seen.add(field);
      }
      const key = index.fields.join("\u0000");
      const other = fieldSets.get(key);
      if (other !== undefined) {
        throw new Error(
          `In table "${t}" index "${other}" and index "${index.indexDescriptor}" have the same fields. Indexes must be unique within a table.`,
        );
      }
      fieldSets.set(key, index.indexDescriptor);
    }
    for (const index of table.searchIndexes ?? []) {
      checkIndexName(t, index.indexDescriptor, names);
      if ((index.filterFields ?? []).length > MAX_SEARCH_FILTER_FIELDS) {
        throw new Error(`Search indexes may have up to ${MAX_SEARCH_FILTER_FIELDS} filter fields.`);
      }
    }
  }
}
