/**
 * `Deployment.runHttpAction`: routes a request that arrived on the site URL to
 * the pushed `convex/http.ts` router. The sandbox adds nothing on the user's
 * behalf — in particular no CORS headers — so browsers behave as they do
 * against a real `.convex.site` URL. HEAD runs the GET route and drops the
 * body; a handler that throws becomes a 500 JSON response as in Convex.
 * Without a given identity, the request's own `Authorization` header is read
 * (`requestAuthorization`) and a bearer token verified (`identify`); a header
 * Convex refuses, or a token that fails verification, does not stop the
 * request (see `auth/rejected-token.ts`).
 */
import type { UserIdentity } from "convex/server";
import type { SerializedRequest, SerializedResponse, UserCodeError } from "../../runtime/types.js";
import { matchHttpRoute, NO_HTTP_ACTIONS, NO_MATCHING_ROUTE, type HttpRoute } from "./http-routes.js";
import { readAuthorizationHeader, type AuthorizationHeader } from "../auth/authorization-header.js";

export const MAX_HTTP_REQUEST_BYTES = 20 * 1024 * 1024;

export interface HttpActionRunnerOptions {
  /** The routes of the current push, or null when it has no `http.ts` router. */
  routes: () => HttpRoute[] | null;
  /** Runs the router for the request as an action (with `ctx.runQuery/runMutation/runAction`). */
  invoke: (req: SerializedRequest, identity: UserIdentity | null) => Promise<SerializedResponse>;
  /** The identity of the request's `Authorization` header, if any (a refused header's or token's stand-in when it fails). */
  identify?: (req: SerializedRequest) => Promise<UserIdentity | null>;
}

export async function runHttpAction(
  opts: HttpActionRunnerOptions,
  req: SerializedRequest,
  identity: UserIdentity | null = null,
): Promise<SerializedResponse> {
  const routes = opts.routes();
  if (routes === null) return text(404, NO_HTTP_ACTIONS);
  const url = new URL(req.url);
  if (!matchHttpRoute(routes, url.pathname, req.method)) return text(404, NO_MATCHING_ROUTE);
  if (req.bodyBase64 !== null && Math.floor((req.bodyBase64.length * 3) / 4) > MAX_HTTP_REQUEST_BYTES) {
    return text(413, `HTTP action request bodies are limited to ${MAX_HTTP_REQUEST_BYTES} bytes.`);
  }
  const isHead = req.method.toUpperCase() === "HEAD";
  let response: SerializedResponse;
  try {
    const caller = identity ?? (opts.identify ? await opts.identify(req) : null);
    response = await opts.invoke(isHead ? { ...req, method: "GET" } : req, caller);
  } catch (e) {
    const err = e as Partial<UserCodeError> & { message?: string };
    const body: Record<string, unknown> = { code: err.message ?? String(e) };
    if (err.errorData !== undefined) body.data = err.errorData;
    return { status: 500, headers: [["content-type", "application/json"]], bodyBase64: Buffer.from(JSON.stringify(body)).toString("base64") };
  }
  return isHead ? { ...response, bodyBase64: null } : response;
}

/** The `Authorization` header of an HTTP action request, read as Convex reads it (see `auth/authorization-header.ts`). */
export function requestAuthorization(req: SerializedRequest): AuthorizationHeader {
  return readAuthorizationHeader(req.headers.find(([name]) => name.toLowerCase() === "authorization")?.[1]);
}

function text(status: number, message: string): SerializedResponse {
  return { status, headers: [["content-type", "text/plain; charset=utf-8"]], bodyBase64: Buffer.from(message).toString("base64") };
}
