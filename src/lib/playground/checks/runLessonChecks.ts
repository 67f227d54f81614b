/**
 * "Check my work": loads the playground's checks.ts (bundled at build time, fetched only
 * when asked for) and runs it against the learner's sandbox through a CheckClient backed
 * by the genuine ConvexHttpClient.
 */
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { runChecks, type Check, type CheckClient, type CheckResult } from "../../checks";

const checkModules = import.meta.glob<{ default: Check[] }>("/content/playgrounds/*/checks.ts");

export function checkClient(deploymentUrl: string): CheckClient {
  const client = new ConvexHttpClient(deploymentUrl, { logger: false, skipConvexDeploymentUrlCheck: true });
  return {
    query: (path, args = {}) => client.query(makeFunctionReference<"query">(path), args),
    mutation: (path, args = {}) => client.mutation(makeFunctionReference<"mutation">(path), args),
    action: (path, args = {}) => client.action(makeFunctionReference<"action">(path), args),
  };
}

export async function runLessonChecks(playgroundId: string, deploymentUrl: string): Promise<CheckResult[]> {
  const load = checkModules[`/content/playgrounds/${playgroundId}/checks.ts`];
  if (!load) throw new Error(`Playground "${playgroundId}" has no checks.ts.`);
  const { default: checks } = await load();
  return runChecks(checks, checkClient(deploymentUrl));
}
