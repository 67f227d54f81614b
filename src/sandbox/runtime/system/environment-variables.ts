/**
 * The system queries `npx convex env list` / `env get` call (backend
 * `npm-packages/system-udfs/convex/_system/cli/queryEnvironmentVariables.ts`):
 * - `_system/cli/queryEnvironmentVariables` `{}` → the `_environment_variables`
 *   documents `[{_id, _creationTime, name, value}]` in name order (its
 *   `by_name` index), as Convex returns them (see
 *   `environment/variable-documents.ts`);
 * - `_system/cli/queryEnvironmentVariables:get` `{name}` → `{name, value}`, or
 *   null when unset; built-in names (`CONVEX_CLOUD_URL`) answer too, as
 *   Convex reads them from `process.env`.
 * An update re-runs their subscriptions (the server re-runs every query after one).
 */
import { envVarNameProblem } from "../environment/variables.ts";
import { rejectAnyArguments, rejectExtra } from "./arguments.ts";
import type { SystemQuery } from "./index.ts";

const list: SystemQuery = {
  run(ctx, args) {
    rejectAnyArguments("_system/cli/queryEnvironmentVariables", args);
    return ctx.environmentVariableDocuments();
  },
};

const get: SystemQuery = {
  run(ctx, args) {
    const { name, ...rest } = args;
    rejectExtra(rest);
    if (typeof name !== "string") throw new Error("`name` must be a string");
    const problem = envVarNameProblem(name);
    if (problem) throw problem;
    const value = ctx.processEnv()[name];
    return value === undefined ? null : { name, value };
  },
};

export const environmentVariableQueries: ReadonlyMap<string, SystemQuery> = new Map([
  ["_system/cli/queryEnvironmentVariables:default", list],
  ["_system/cli/queryEnvironmentVariables:get", get],
]);
