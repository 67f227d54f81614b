/** The site URL's request handler: `/s/<id>/…` or bare paths → that deployment's HTTP actions. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxLimits } from "../options.js";
import type { SandboxManager } from "../sandboxes/manager.js";
import { resolveSandbox, respondWithError } from "./cloud-handler.js";
import { HttpError } from "./errors.js";
import { handleSiteRequest } from "./site-handler.js";

export function createSiteHandler(
  getManager: () => SandboxManager,
  getOrigin: () => string,
  limits: SandboxLimits,
  log: (line: string) => void,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const target = resolveSandbox(url.pathname, getManager());
      if (!target.sandbox) {
        throw new HttpError(404, "SandboxNotFound", target.sandboxId ? `Sandbox ${target.sandboxId} does not exist.` : "No root deployment.");
      }
      target.sandbox.admitRequest();
      await handleSiteRequest(req, res, target.sandbox, (target.path || "/") + url.search, getOrigin(), limits.maxBodyBytes);
    } catch (e) {
      respondWithError(res, e, log);
    }
  };
}
