/**
 * The JSON shape of `schema.export()` from `convex/server` and of the
 * validator JSON from `convex/values` (`validator.json`).
 */
import type { JSONValue } from "convex/values";

export type FieldTypeJson = { fieldType: ValidatorJson; optional: boolean };

export type ValidatorJson =
  | { type: "null" }
  | { type: "number" }
  | { type: "bigint" }
  | { type: "commitTs" }
  | { type: "boolean" }
  | { type: "string" }
  | { type: "bytes" }
  | { type: "any" }
  | { type: "literal"; value: JSONValue }
  | { type: "id"; tableName: string }
  | { type: "array"; value: ValidatorJson }
  | { type: "record"; keys: ValidatorJson; values: FieldTypeJson }
  | { type: "object"; value: Record<string, FieldTypeJson> }
  | { type: "union"; value: ValidatorJson[] };

export interface IndexJson {
  indexDescriptor: string;
  fields: string[];
}

export interface SearchIndexJson {
  indexDescriptor: string;
  searchField: string;
  filterFields: string[];
}

export interface VectorIndexJson {
  indexDescriptor: string;
  vectorField: string;
  dimensions: number;
  filterFields: string[];
}

export interface TableJson {
  tableName: string;
  indexes: IndexJson[];
  stagedDbIndexes?: IndexJson[];
  searchIndexes: SearchIndexJson[];
  stagedSearchIndexes?: SearchIndexJson[];
  vectorIndexes?: VectorIndexJson[];
  stagedVectorIndexes?: VectorIndexJson[];
  /** `any` validator JSON, or an object/union validator. */
  documentType: ValidatorJson | null;
  stagedDocumentType?: ValidatorJson | null;
}

export interface SchemaJson {
  tables: TableJson[];
  schemaValidation: boolean;
}
