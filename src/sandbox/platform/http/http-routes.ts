/**
 * The host's routing check for requests on the site URL, before the router
 * runs: real Convex answers a request no route matches with 404 "No matching
 * routes found", and a deployment without `convex/http.ts` with 404 "This
 * Convex deployment does not have HTTP actions enabled.". Matching follows
 * `HttpRouter.lookup` in `convex/server`: exact path and method first, then
 * the longest path prefix registered for the method; HEAD is routed as GET.
 */
export interface HttpRoute {
  /** `/exact/path`, or `/prefix/*` for a `pathPrefix` route (as `HttpRouter.getRoutes()` reports them). */
  path: string;
  method: string;
}

export const NO_HTTP_ACTIONS = "This Convex deployment does not have HTTP actions enabled.";
export const NO_MATCHING_ROUTE = "No matching routes found";

export function matchHttpRoute(routes: HttpRoute[], pathname: string, method: string): HttpRoute | null {
  const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const exact = routes.find((r) => r.method === m && !r.path.endsWith("*") && r.path === pathname);
  if (exact) return exact;
  let best: HttpRoute | null = null;
  for (const r of routes) {
    if (r.method !== m || !r.path.endsWith("*")) continue;
    const prefix = r.path.slice(0, -1);
    if (pathname.startsWith(prefix) && (best === null || prefix.length > best.path.length - 1)) best = r;
  }
  return best;
}
