/**
 * The site URL: every request goes to the deployment's HTTP actions
 * (`convex/http.ts`), with the sandbox prefix removed from the path.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SerializedRequest } from "../../runtime/types.js";
import type { Sandbox } from "../sandboxes/sandbox.js";
import { readBody } from "./body.js";
import { readAuthorizationHeader } from "../../platform/auth/authorization-header.js";
import { rejectedTokenIdentity } from "../../platform/auth/rejected-token.js";
import { adminKeyIdentity } from "./caller.js";

export async function handleSiteRequest(
  req: IncomingMessage,
  res: ServerResponse,
  sandbox: Sandbox,
  pathAndQuery: string,
  origin: string,
  maxBodyBytes: number,
): Promise<void> {
  const { deployment } = await sandbox.load();
  if (!deployment.runHttpAction) {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end("This Convex deployment does not have HTTP actions enabled.");
    return;
  }
  const body = await readBody(req, maxBodyBytes);
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i].toLowerCase(), req.rawHeaders[i + 1]]);
  const request: SerializedRequest = {
    url: origin + pathAndQuery,
    method: req.method ?? "GET",
    headers,
    bodyBase64: body.length > 0 ? body.toString("base64") : null,
  };
  // A bearer token (or a header Convex refuses) is read by the HTTP action runner itself; only
  // the admin key needs the server, which knows the keys.
  let identity = null;
  const auth = readAuthorizationHeader(req.headers.authorization);
  if (auth.kind === "admin") {
    // As in Convex: an admin key acting as a user gives the action that identity; a wrong
    // key does not stop the request, but getUserIdentity() throws its error (see rejected-token.ts).
    try {
      identity = adminKeyIdentity(auth.value, sandbox);
    } catch (e) {
      identity = rejectedTokenIdentity(e instanceof Error ? e.message : String(e));
    }
  }
  const response = await deployment.runHttpAction(request, identity);
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() === "content-length" || name.toLowerCase() === "transfer-encoding") continue;
    res.appendHeader(name, value);
  }
  const out = response.bodyBase64 ? Buffer.from(response.bodyBase64, "base64") : Buffer.alloc(0);
  res.setHeader("Content-Length", out.length);
  res.end(req.method === "HEAD" ? undefined : out);
}
