/**
 * Runs one function on the learner's sandbox through the genuine ConvexHttpClient,
 * capturing what the client reports: the value (decoded with jsonToConvex by the client),
 * the function's console lines (through the client's logger hook), the error text and
 * ConvexError data, and the round-trip time.
 */
import { ConvexHttpClient } from "convex/browser";
import { ConvexError, jsonToConvex, type Value } from "convex/values";
import { makeFunctionReference } from "convex/server";
import type { SandboxInfo, UdfType } from "../sandbox/sandboxApi";
import { applyCaller, type Caller } from "../sandbox/identity";

export interface LogLine {
  level: string;
  text: string;
}

export type RunOutcome =
  | { ok: true; value: Value; logs: LogLine[]; durationMs: number }
  | { ok: false; message: string; errorData?: Value; logs: LogLine[]; durationMs: number };

export interface RunRequest {
  sandbox: SandboxInfo;
  path: string;
  udfType: Exclude<UdfType, "httpAction">;
  /** The args editor's text: JSON in Convex's encoding. */
  argsText: string;
  /** Who to run as (the identity picker), or null for an anonymous caller. */
  caller: Caller | null;
  /** Internal functions run with the admin key, as the dashboard runs them. */
  internal: boolean;
}

/** Parses the args text; throws an Error that says what is wrong with it. */
export function parseArgs(argsText: string): Record<string, Value> {
  let json: unknown;
  try {
    json = JSON.parse(argsText.trim() === "" ? "{}" : argsText);
  } catch (error) {
    throw new Error(`The arguments are not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error("The arguments must be a JSON object, like {} or {\"text\": \"hello\"}.");
  }
  return jsonToConvex(json as any) as Record<string, Value>;
}

/** The captured-lines logger: ConvexHttpClient logs `[CONVEX Q(path)] [LEVEL]`, style, text. */
function captureLogger(lines: LogLine[]) {
  const push = (fallback: string, args: any[]) => {
    const header = typeof args[0] === "string" ? args[0] : "";
    const level = /\[(LOG|INFO|WARN|ERROR|DEBUG)\]/i.exec(header)?.[1]?.toLowerCase() ?? fallback;
    const text = args.length >= 3 ? args.slice(2).join(" ") : args.join(" ");
    lines.push({ level, text });
  };
  return {
    logVerbose: () => {},
    log: (...args: any[]) => push("log", args),
    warn: (...args: any[]) => push("warn", args),
    error: (...args: any[]) => push("error", args),
  };
}

export async function runFunction(request: RunRequest): Promise<RunOutcome> {
  const logs: LogLine[] = [];
  const started = performance.now();
  let args: Record<string, Value>;
  try {
    args = parseArgs(request.argsText);
  } catch (error) {
    return { ok: false, message: (error as Error).message, logs, durationMs: 0 };
  }
  const client = new ConvexHttpClient(request.sandbox.url, { logger: captureLogger(logs) as any, skipConvexDeploymentUrlCheck: true });
  applyCaller(client, request.sandbox, request.caller, { admin: request.internal, client: "http" });
  const ref = makeFunctionReference<any>(request.path);
  try {
    const value =
      request.udfType === "query"
        ? await client.query(ref, args)
        : request.udfType === "mutation"
          ? await client.mutation(ref, args)
          : await client.action(ref, args);
    return { ok: true, value, logs, durationMs: performance.now() - started };
  } catch (error) {
    const durationMs = performance.now() - started;
    if (error instanceof ConvexError) {
      return { ok: false, message: error.message, errorData: error.data as Value, logs, durationMs };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error), logs, durationMs };
  }
}
