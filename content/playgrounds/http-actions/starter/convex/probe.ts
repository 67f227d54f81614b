import { v } from "convex/values";
import { action } from "./_generated/server";

// Sends a request to this deployment's HTTP actions (its .convex.site URL) and
// reports what came back, so you can try routes from the runner.
export const request = action({
  args: {
    // Defaults to this deployment's own site URL.
    siteUrl: v.optional(v.string()),
    method: v.string(),
    path: v.string(),
    headers: v.optional(v.record(v.string(), v.string())),
    body: v.optional(v.string()),
  },
  handler: async (_ctx, args) => {
    const siteUrl = args.siteUrl ?? process.env.CONVEX_SITE_URL;
    if (!siteUrl) throw new Error("No site URL: pass `siteUrl` (CONVEX_SITE_URL is not set in this deployment).");
    const response = await fetch(`${siteUrl}${args.path}`, {
      method: args.method,
      headers: args.headers,
      body: args.body,
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: await response.text(),
    };
  },
});
