import { v } from "convex/values";
import { action, query } from "./_generated/server";

// Posts a small PNG to this deployment's /avatars route, as the upload form
// does, and reports the answer.
export const tryUpload = action({
  args: { siteUrl: v.optional(v.string()) },
  handler: async (_ctx, args) => {
    const siteUrl = args.siteUrl ?? process.env.CONVEX_SITE_URL;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const response = await fetch(`${siteUrl}/avatars`, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: png,
    });
    return { status: response.status, body: await response.text(), size: png.length };
  },
});

// What file storage recorded about a stored file.
export const fileInfo = query({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => await ctx.db.system.get(storageId),
});
