/**
 * The contract for "check my work": a lesson's checks talk to the learner's
 * sandbox only through a CheckClient, so the same checks run in the browser
 * (against a ConvexHttpClient on the learner's sandbox) and in CI (against a
 * sandbox the test suite starts).
 */

export interface CheckClient {
  query(path: string, args?: Record<string, unknown>): Promise<any>;
  mutation(path: string, args?: Record<string, unknown>): Promise<any>;
  action(path: string, args?: Record<string, unknown>): Promise<any>;
  /**
   * The sandbox's site URL (where its HTTP actions answer), when known. Checks
   * about HTTP actions pass it to an action of the learner's code, which
   * fetches it server-side (so the browser's CORS rules do not apply to the check).
   */
  siteUrl?: string;
}

export interface Check {
  /** What the check verifies, shown to the learner. */
  name: string;
  /** Resolves when the check passes; throws an Error whose message says what is wrong. */
  run(client: CheckClient): Promise<void>;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  message: string | null;
}

export function defineChecks(checks: Check[]): Check[] {
  const names = new Set<string>();
  for (const check of checks) {
    if (names.has(check.name)) throw new Error(`Duplicate check name: ${check.name}`);
    names.add(check.name);
  }
  return checks;
}

/** Runs checks one after another (they may depend on data the previous ones wrote). */
export async function runChecks(checks: Check[], client: CheckClient): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      await check.run(client);
      results.push({ name: check.name, passed: true, message: null });
    } catch (error) {
      results.push({ name: check.name, passed: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
