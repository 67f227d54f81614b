/**
 * The sandbox database: in-memory, multi-version (snapshot reads), with
 * optimistic-concurrency-checked commits. Public surface for the runtime,
 * sync and server layers.
 */
export * from "./types.ts";
export type * from "./schema/schemaJson.ts";
export { Database } from "./database.ts";
export { Transaction } from "./transaction.ts";
export { checkValue, type CheckValueOptions } from "./schema/checkValue.ts";
export { InvalidCursorError } from "./query/cursor.ts";
export { decodeId, encodeId, newInternalId } from "./ids.ts";
export { ENVIRONMENT_VARIABLES_TABLE_NUMBER } from "./systemTables.ts";
export { TRANSACTION_LIMITS } from "./limits.ts";
// Loaded with the database: keeps its optimized code valid between deployments.
import "./shapeKeeper.ts";
