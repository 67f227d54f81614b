/**
 * A CheckClient over an in-process Deployment that behaves like the
 * ConvexHttpClient the browser uses: public functions only, values encoded
 * and decoded with the `convex` package's own convexToJson/jsonToConvex, an
 * `Error(errorMessage)` on failure, and a ConvexError carrying `data` when the
 * function threw one.
 */
import { ConvexError, convexToJson, jsonToConvex, type Value } from "convex/values";
import type { CheckClient } from "../../../src/lib/checks";
import type { CallOutcome, CallRequest, Deployment, UdfType } from "../../../src/sandbox/runtime/types";

function unwrap(outcome: CallOutcome): any {
  if (outcome.status === "success") return jsonToConvex(outcome.value ?? null);
  const message = outcome.errorMessage ?? "The function failed without an error message.";
  if (outcome.errorData !== undefined) {
    const error = new ConvexError(message);
    (error as { data: Value }).data = jsonToConvex(outcome.errorData);
    throw error;
  }
  throw new Error(message);
}

export function deploymentCheckClient(deployment: Deployment, siteUrl?: string): CheckClient {
  const call = (udfType: UdfType, run: (req: CallRequest) => Promise<CallOutcome>) =>
    async (path: string, args: Record<string, unknown> = {}) =>
      unwrap(await run({ path, args: convexToJson(args as Value) as CallRequest["args"], expectedType: udfType, allowInternal: false }));
  return {
    query: call("query", (req) => deployment.runQuery(req)),
    mutation: call("mutation", (req) => deployment.runMutation(req)),
    action: call("action", (req) => deployment.runAction(req)),
    siteUrl,
  };
}
