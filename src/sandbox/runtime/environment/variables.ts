/**
 * Deployment environment variables: the rules and error texts of Convex's
 * `update_environment_variables` (backend `crates/common/src/types/
 * environment_variables.rs`, `crates/application/src/lib.rs`, limits in
 * `crates/common/src/knobs.rs`; documented in
 * `docs/production/environment-variables.mdx`).
 *
 * A change sets (`value` a string) or removes (`value` null) one variable.
 * Every change is checked before any is applied, and the limits are checked on
 * the result, so a refused update changes nothing. As in Convex, removals
 * apply before sets.
 */

/** Names: start with a letter or underscore, then letters, digits, underscores. */
export const ENV_VAR_NAME_PATTERN = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;
/** Longest name, characters (`MAX_NAME_LENGTH`). */
export const MAX_ENV_VAR_NAME_LENGTH = 256;
/** Largest value, UTF-8 bytes (`MAX_VALUE_LENGTH`, 8 KiB). */
export const MAX_ENV_VAR_VALUE_BYTES = 8 * 1024;
/** Variables per deployment (`ENV_VAR_LIMIT`). */
export const MAX_ENV_VARS = 512;
/** Names plus values of all variables, bytes (`ENV_VAR_TOTAL_SIZE_LIMIT`, 512 KiB). */
export const MAX_ENV_VARS_TOTAL_BYTES = 512 * 1024;
/** Set by the deployment itself; users cannot set them. */
export const BUILT_IN_ENV_VAR_NAMES: readonly string[] = ["CONVEX_CLOUD_URL", "CONVEX_SITE_URL"];

/** One change, as the Convex CLI sends it: `value` null removes the variable. */
export interface EnvVarChange {
  name: string;
  value: string | null;
}

/** A refused change; `code` is Convex's error code (e.g. `EnvironmentVariableNameInvalid`). */
export class EnvironmentVariableError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "EnvironmentVariableError";
  }
}

/** The error for a name Convex would refuse, or null. */
export function envVarNameProblem(name: string): EnvironmentVariableError | null {
  if (!ENV_VAR_NAME_PATTERN.test(name)) {
    return new EnvironmentVariableError(
      "EnvironmentVariableNameInvalid",
      `The environment variable name ${name} is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.`,
    );
  }
  if (name.length > MAX_ENV_VAR_NAME_LENGTH) {
    return new EnvironmentVariableError(
      "EnvironmentVariableNameTooLong",
      `The environment variable name ${name} is too long. Environment variable names must be less than ${MAX_ENV_VAR_NAME_LENGTH}.`,
    );
  }
  return null;
}

/** The error for a value Convex would refuse, or null. (The unclosed parenthesis is Convex's text.) */
export function envVarValueProblem(value: string): EnvironmentVariableError | null {
  const bytes = Buffer.byteLength(value, "utf8");
  if (bytes <= MAX_ENV_VAR_VALUE_BYTES) return null;
  return new EnvironmentVariableError(
    "EnvironmentVariableValueTooLarge",
    `The environment variable value is ${bytes} bytes, which is too large. (max size: ${MAX_ENV_VAR_VALUE_BYTES}`,
  );
}

function totalBytes(vars: Map<string, string>): number {
  let total = 0;
  for (const [name, value] of vars) total += Buffer.byteLength(name, "utf8") + Buffer.byteLength(value, "utf8");
  return total;
}

/**
 * The variables after `changes`, or throws EnvironmentVariableError (nothing
 * applied). Checks, in Convex's order: each change's name and value, built-in
 * names on set, then the count and total size of the result.
 */
export function applyEnvVarChanges(current: ReadonlyMap<string, string>, changes: readonly EnvVarChange[]): Map<string, string> {
  for (const change of changes) {
    const problem = envVarNameProblem(change.name) ?? (change.value === null ? null : envVarValueProblem(change.value));
    if (problem) throw problem;
  }
  const next = new Map(current);
  for (const change of inConvexOrder(changes)) {
    if (change.value === null) {
      next.delete(change.name);
      continue;
    }
    if (BUILT_IN_ENV_VAR_NAMES.includes(change.name)) {
      throw new EnvironmentVariableError(
        "EnvVarNameForbidden",
        `Environment variable with name "${change.name}" is built-in and cannot be overridden`,
      );
    }
    next.set(change.name, change.value);
  }
  if (next.size > MAX_ENV_VARS) {
    throw new EnvironmentVariableError("EnvVarLimitMet", `The environment variable limit (${MAX_ENV_VARS}) has been met.`);
  }
  const total = totalBytes(next);
  if (total > MAX_ENV_VARS_TOTAL_BYTES) {
    throw new EnvironmentVariableError(
      "EnvVarTotalSizeLimitMet",
      `The total size of all environment variables (${total} bytes) exceeds the limit (${MAX_ENV_VARS_TOTAL_BYTES} bytes).`,
    );
  }
  return next;
}

/** Convex sorts a request's changes: removals first, then sets by name and value. */
export function inConvexOrder(changes: readonly EnvVarChange[]): EnvVarChange[] {
  const key = (c: EnvVarChange) => (c.value === null ? [0, c.name, ""] : [1, c.name, c.value]) as [number, string, string];
  return [...changes].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}

/** `{name: value}` sorted by name (Convex lists variables in name order). */
export function sortedEnvVars(vars: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...vars.keys()].sort()) out[name] = vars.get(name)!;
  return out;
}

/** `{NAME: value}` (e.g. from a settings file or command line) as a list of set changes. */
export function setChanges(vars: Record<string, string>): EnvVarChange[] {
  return Object.entries(vars).map(([name, value]) => ({ name, value }));
}
