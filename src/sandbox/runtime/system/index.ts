/**
 * System queries: built-in read-only queries under `_system/...` paths, the
 * sandbox's counterpart of the functions real Convex's dashboard calls with the
 * deployment's admin key. They run as ordinary queries (one transaction at the
 * latest snapshot, so their read sets make sync subscriptions reactive), only
 * for admin callers, and are never listed among the pushed functions.
 */
import type { Transaction } from "../../database/index.ts";
import type { EnvironmentVariableDocument, JSONValue } from "../types.ts";
import { environmentVariableQueries } from "./environment-variables.ts";
import { playgroundQueries } from "./playground.ts";

export interface SystemQueryContext {
  tx: Transaction;
  /** Every table with documents or in the schema, user tables only, sorted. */
  userTableNames(): string[];
  /** Marks the result as depending on the set of tables (a write to a table not yet listed re-runs it). */
  dependsOnTableList(listed: string[]): void;
  /** The deployment's `_environment_variables` documents, in name order. */
  environmentVariableDocuments(): EnvironmentVariableDocument[];
  /** What `process.env` holds in functions (the variables and the built-in URLs). */
  processEnv(): Record<string, string>;
}

export interface SystemQuery {
  run(ctx: SystemQueryContext, args: Record<string, JSONValue>): JSONValue;
}

const SYSTEM_QUERIES: ReadonlyMap<string, SystemQuery> = new Map([
  ...[...playgroundQueries].map(([name, q]) => [`_system/playground:${name}`, q] as const),
  ...environmentVariableQueries,
]);

/** True for paths in the reserved `_system/` namespace. */
export function isSystemPath(canonicalPath: string): boolean {
  return canonicalPath.startsWith("_system/");
}

export function systemQuery(canonicalPath: string): SystemQuery | undefined {
  return SYSTEM_QUERIES.get(canonicalPath);
}
