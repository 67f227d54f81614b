import { v } from "convex/values";
import { action, internalQuery, mutation, query } from "./_generated/server";
import { api } from "./_generated/api";

// Step 1 of an upload: a short-lived URL the browser POSTs the file to.
export const generateUploadUrl = mutation({
  args: {},
  handler: async (ctx) => ctx.storage.generateUploadUrl(),
});

// Step 3: the browser got { storageId } back from the POST; remember the file.
export const save = mutation({
  args: { name: v.string(), storageId: v.id("_storage") },
  handler: async (ctx, args) => ctx.db.insert("files", args),
});

// Actions can store bytes directly, without an upload URL.
export const storeText = action({
  args: { name: v.string(), text: v.string() },
  handler: async (ctx, args): Promise<string> => {
    const storageId = await ctx.storage.store(new Blob([args.text], { type: "text/plain" }));
    await ctx.runMutation(api.files.save, { name: args.name, storageId });
    return storageId;
  },
});

// Downloads a URL from the server side, to test what list() returns.
export const download = action({
  args: { url: v.string() },
  handler: async (_ctx, args): Promise<{ status: number; body: string }> => {
    const response = await fetch(args.url);
    return { status: response.status, body: await response.text() };
  },
});

// Used by the HTTP action in http.ts to find a file by its name.
export const storageIdByName = internalQuery({
  args: { name: v.string() },
  handler: async (ctx, args) => {
    const file = await ctx.db
      .query("files")
      .withIndex("by_name", (q) => q.eq("name", args.name))
      .first();
    return file?.storageId ?? null;
  },
});

// Exercise: every file with a URL that serves it, its size and its content type.
export const list = query({
  args: {},
  handler: async (ctx) => {
    const files = await ctx.db.query("files").order("desc").take(50);
    return await Promise.all(
      files.map(async (file) => {
        const metadata = await ctx.db.system.get("_storage", file.storageId);
        return {
          name: file.name,
          url: await ctx.storage.getUrl(file.storageId),
          size: metadata?.size ?? null,
          contentType: metadata?.contentType ?? null,
        };
      }),
    );
  },
});
