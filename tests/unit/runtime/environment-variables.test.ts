/** Convex's rules for deployment environment variables: names, values, limits, order of changes. */
import { describe, expect, it } from "vitest";
import {
  applyEnvVarChanges,
  envVarNameProblem,
  envVarValueProblem,
  EnvironmentVariableError,
  MAX_ENV_VARS,
  MAX_ENV_VARS_TOTAL_BYTES,
} from "../../../src/sandbox/runtime/index.ts";

const INVALID = (name: string) =>
  `The environment variable name ${name} is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.`;

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(EnvironmentVariableError);
    return { code: (e as EnvironmentVariableError).code, message: (e as Error).message };
  }
  throw new Error("expected a refusal");
}

describe("names", () => {
  it("accept letters, digits and underscores, not starting with a digit (the backend's own cases)", () => {
    for (const ok of ["a_good_env_var_name", "_a_good_env_var_name", "API_KEY2", "x"]) expect(envVarNameProblem(ok)).toBeNull();
    for (const bad of ["1_bad_env_var_name", "bad_env_var=name", "bad_env_var-name", "", "with space", "ünï"]) {
      expect(envVarNameProblem(bad)?.message).toBe(INVALID(bad));
      expect(envVarNameProblem(bad)?.code).toBe("EnvironmentVariableNameInvalid");
    }
  });

  it("are at most 256 characters", () => {
    expect(envVarNameProblem("A".repeat(256))).toBeNull();
    const long = "A".repeat(257);
    expect(envVarNameProblem(long)?.message).toBe(
      `The environment variable name ${long} is too long. Environment variable names must be less than 256.`,
    );
  });
});

describe("values", () => {
  it("are at most 8 KiB of UTF-8", () => {
    expect(envVarValueProblem("x".repeat(8192))).toBeNull();
    expect(envVarValueProblem("")).toBeNull();
    expect(envVarValueProblem("€".repeat(2731))?.message).toBe(
      "The environment variable value is 8193 bytes, which is too large. (max size: 8192",
    );
  });
});

describe("applying changes", () => {
  it("sets, replaces and removes, leaving the input untouched", () => {
    const current = new Map([["A", "1"], ["B", "2"]]);
    const next = applyEnvVarChanges(current, [{ name: "A", value: "one" }, { name: "B", value: null }, { name: "C", value: "3" }]);
    expect([...next]).toEqual([["A", "one"], ["C", "3"]]);
    expect([...current]).toEqual([["A", "1"], ["B", "2"]]);
    expect([...applyEnvVarChanges(current, [{ name: "MISSING", value: null }])]).toEqual([...current]);
  });

  it("applies removals before sets, as Convex sorts them", () => {
    expect([...applyEnvVarChanges(new Map([["A", "1"]]), [{ name: "A", value: "2" }, { name: "A", value: null }])]).toEqual([["A", "2"]]);
  });

  it("refuses built-in names, and checks every name before applying any", () => {
    expect(refusal(() => applyEnvVarChanges(new Map(), [{ name: "CONVEX_SITE_URL", value: "x" }]))).toEqual({
      code: "EnvVarNameForbidden",
      message: 'Environment variable with name "CONVEX_SITE_URL" is built-in and cannot be overridden',
    });
    expect(applyEnvVarChanges(new Map(), [{ name: "CONVEX_CLOUD_URL", value: null }]).size).toBe(0);
    expect(refusal(() => applyEnvVarChanges(new Map(), [{ name: "OK", value: "x" }, { name: "9", value: null }])).message).toBe(INVALID("9"));
  });

  it("limits the count to 512 and the total size to 512 KiB", () => {
    const many = Array.from({ length: MAX_ENV_VARS }, (_, i) => ({ name: `V${i}`, value: "" }));
    expect(applyEnvVarChanges(new Map(), many).size).toBe(MAX_ENV_VARS);
    expect(refusal(() => applyEnvVarChanges(new Map(), [...many, { name: "ONE_MORE", value: "" }]))).toEqual({
      code: "EnvVarLimitMet",
      message: "The environment variable limit (512) has been met.",
    });
    const big = Array.from({ length: 64 }, (_, i) => ({ name: `BIG${String(i).padStart(2, "0")}`, value: "x".repeat(8192) }));
    const total = 64 * (5 + 8192);
    expect(total).toBeGreaterThan(MAX_ENV_VARS_TOTAL_BYTES);
    expect(refusal(() => applyEnvVarChanges(new Map(), big))).toEqual({
      code: "EnvVarTotalSizeLimitMet",
      message: `The total size of all environment variables (${total} bytes) exceeds the limit (524288 bytes).`,
    });
  });
});
