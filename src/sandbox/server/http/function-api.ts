/**
 * The HTTP function API as `ConvexHttpClient` and the documented HTTP API
 * use it: /api/query, /api/mutation, /api/action, /api/function,
 * /api/run/<path>, /api/query_ts, /api/query_at_ts, /api/query_batch.
 * Function errors answer HTTP 560 with `{status:"error", errorMessage,
 * errorData?, logLines}`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallOutcome, CallRequest, Deployment, JSONValue, UdfType } from "../../runtime/types.js";
import { newRequestId, serverErrorMessage } from "../../sync/error-text.js";
import { queryCacheKey } from "../../sync/query-cache.js";
import { decodeTs, encodeTs } from "../../sync/timestamps.js";
import type { LoadedSandbox, Sandbox } from "../sandboxes/sandbox.js";
import { readJsonObject } from "./body.js";
import { resolveCaller, type Caller } from "./caller.js";
import { HttpError } from "./errors.js";
import { sendJson } from "./responses.js";
import { formatValue, parseFormat, type ValueFormat } from "./value-format.js";

const STATUS_CODE_UDF_FAILED = 560;

type Handler = (call: FunctionCallContext) => Promise<void>;

interface FunctionCallContext {
  req: IncomingMessage;
  res: ServerResponse;
  sandbox: Sandbox;
  loaded: LoadedSandbox;
  body: Record<string, unknown>;
  caller: Caller;
  /** For /api/run: the function path taken from the URL. */
  runPath?: string;
}

const ROUTES: Record<string, Handler> = {
  "/api/query": (c) => callOne(c, "query", "convex_encoded_json"),
  "/api/mutation": (c) => callOne(c, "mutation", "convex_encoded_json"),
  "/api/action": (c) => callOne(c, "action", "convex_encoded_json"),
  "/api/function": (c) => callOne(c, null, "convex_encoded_json"),
  "/api/query_at_ts": (c) => callOne(c, "query", "convex_encoded_json", true),
  "/api/query_ts": async (c) => sendJson(c.res, 200, { ts: encodeTs(c.loaded.deployment.latestTs()) }),
  "/api/query_batch": queryBatch,
};

/** True when `path` (relative to the deployment URL) is a function API route. */
export function isFunctionApiPath(path: string): boolean {
  return path in ROUTES || path.startsWith("/api/run/");
}

export async function handleFunctionApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  sandbox: Sandbox,
  maxBodyBytes: number,
): Promise<void> {
  if (req.method !== "POST") {
    throw new HttpError(405, "MethodNotAllowed", `${path} only accepts POST requests.`);
  }
  const body = await readJsonObject(req, maxBodyBytes);
  const loaded = await sandbox.load();
  const caller = await resolveCaller(req, sandbox, loaded.deployment);
  const context: FunctionCallContext = { req, res, sandbox, loaded, body, caller };
  if (path.startsWith("/api/run/")) {
    context.runPath = runPathFromUrl(path.slice("/api/run/".length));
    await callOne(context, null, "json");
    return;
  }
  await ROUTES[path](context);
}

/** `/api/run/messages/list` → `messages:list`; `dir/file/fn` → `dir/file:fn`. */
function runPathFromUrl(rest: string): string {
  const segments = rest.split("/").filter((s) => s.length > 0).map(decodeURIComponent);
  if (segments.length < 2) {
    throw new HttpError(400, "InvalidPath", `Invalid function path "${rest}": expected /api/run/<module path>/<function name>.`);
  }
  const fn = segments.pop()!;
  return `${segments.join("/")}:${fn}`;
}

async function callOne(c: FunctionCallContext, udfType: UdfType | null, defaultFormat: ValueFormat, atTs = false): Promise<void> {
  const { status, body } = await execute(c, c.body, udfType, defaultFormat, atTs);
  sendJson(c.res, status, body);
}

async function queryBatch(c: FunctionCallContext): Promise<void> {
  const queries = c.body.queries;
  if (!Array.isArray(queries)) throw new HttpError(400, "BadJsonBody", "`queries` must be an array.");
  const results = [];
  for (const q of queries) {
    if (typeof q !== "object" || q === null || Array.isArray(q)) {
      throw new HttpError(400, "BadJsonBody", "Each entry of `queries` must be an object.");
    }
    results.push((await execute(c, q as Record<string, unknown>, "query", "convex_encoded_json", false)).body);
  }
  sendJson(c.res, 200, { results });
}

async function execute(
  c: FunctionCallContext,
  body: Record<string, unknown>,
  udfType: UdfType | null,
  defaultFormat: ValueFormat,
  atTs: boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const path = c.runPath ?? body.path;
  if (typeof path !== "string" || path.length === 0) {
    throw new HttpError(400, "BadJsonBody", "The request body must name the function in `path`.");
  }
  const format = parseFormat(body.format, defaultFormat);
  const args = argsObject(body.args);
  if (udfType === "mutation" || udfType === "action" || udfType === null) c.sandbox.admitWrite();
  const requestId = newRequestId();
  const request: CallRequest & { requestId: string } = {
    path,
    args,
    identity: c.caller.identity,
    requestId,
    allowInternal: c.caller.isAdmin,
  };
  if (atTs) {
    if (typeof body.ts !== "string") throw new HttpError(400, "BadJsonBody", "`ts` must be an encoded timestamp string.");
    try {
      request.ts = decodeTs(body.ts);
    } catch (e) {
      throw new HttpError(400, "BadJsonBody", e instanceof Error ? e.message : String(e));
    }
  }
  const outcome =
    udfType === "query" && !atTs
      ? await latestQuery(c.loaded, request)
      : await run(c.loaded.deployment, udfType, { ...request, ...(udfType ? { expectedType: udfType } : {}) });
  if (outcome.status === "success") {
    return {
      status: 200,
      body: { status: "success", value: formatValue(outcome.value ?? null, format), logLines: outcome.logLines },
    };
  }
  return {
    status: STATUS_CODE_UDF_FAILED,
    body: {
      status: "error",
      errorMessage: serverErrorMessage(requestId, outcome.errorMessage),
      ...(outcome.errorData !== undefined ? { errorData: formatValue(outcome.errorData, format) } : {}),
      logLines: outcome.logLines,
    },
  };
}

/**
 * A query at the latest timestamp: a result that sync subscriptions or
 * earlier requests left in the deployment's QueryCache is reused while no
 * commit has touched what it read, as a Convex deployment's query cache does.
 */
async function latestQuery({ deployment, feed, cache }: LoadedSandbox, request: CallRequest & { requestId: string }): Promise<CallOutcome> {
  const key = queryCacheKey(request.path, request.args, null, request.identity ?? null, request.allowInternal ?? false);
  const { outcome } = await cache.get(key, feed.latestTs(), async () => ({
    outcome: await run(deployment, "query", { ...request, expectedType: "query" }),
    requestId: request.requestId,
  }));
  return outcome;
}

async function run(deployment: Deployment, udfType: UdfType | null, request: CallRequest): Promise<CallOutcome> {
  try {
    switch (udfType) {
      case "query":
        return await deployment.runQuery(request);
      case "mutation":
        return await deployment.runMutation(request);
      case "action":
        return await deployment.runAction(request);
      default:
        return await deployment.run(request);
    }
  } catch (e) {
    return { status: "error", errorMessage: e instanceof Error ? e.message : String(e), logLines: [], ts: 0n, durationMs: 0 };
  }
}

/** `args` may be the object itself or a one-object array (real backend `udf/src/helpers.rs`). */
function argsObject(raw: unknown): JSONValue {
  if (raw === undefined || raw === null) return {};
  if (Array.isArray(raw)) {
    if (raw.length === 0) return {};
    if (raw.length === 1 && isPlainObject(raw[0])) return raw[0] as JSONValue;
    throw new HttpError(400, "InvalidArgs", "`args` must be an object or an array holding one object.");
  }
  if (!isPlainObject(raw)) {
    throw new HttpError(400, "InvalidArgs", `The arguments to a Convex function must be an object. Received: ${JSON.stringify(raw)}`);
  }
  return raw as JSONValue;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
