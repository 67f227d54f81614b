/**
 * The system tables readable by functions (`db.system`): file storage
 * metadata and scheduled jobs. They are written only by the platform layer
 * through the transaction's `system*` methods.
 */
import { invalidTableNameMessage } from "./schema/validateSchema.ts";

export const SYSTEM_TABLE_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["_storage", 20],
  ["_scheduled_functions", 21],
]);

/**
 * `_environment_variables`: not readable by functions (only the CLI's system
 * queries list its documents); its documents are kept with the deployment's
 * variables, outside the database, so the number is only for their IDs.
 */
export const ENVIRONMENT_VARIABLES_TABLE_NUMBER = 22;

export function isSystemTable(table: string): boolean {
  return table.startsWith("_");
}

export const SYSTEM_TABLES_READ_ONLY = "System tables (prefixed with `_`) are read-only.";
export const SYSTEM_TABLES_NEED_DB_SYSTEM = "System tables can only be accessed with db.system.";
export const USER_TABLES_NOT_IN_DB_SYSTEM = "User tables cannot be accessed with db.system.";

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function checkUserTableName(table: string): void {
  if (typeof table !== "string" || !TABLE_NAME.test(table)) throw new Error(invalidTableNameMessage(String(table)));
}
