import { v } from "convex/values";
import { mutation, type MutationCtx } from "./_generated/server";
import type { Id } from "./_generated/dataModel";

// A plain helper: it runs in the caller's transaction, with no nested Convex call.
async function ensureFolder(ctx: MutationCtx, parentId: Id<"folders"> | null, name: string) {
  const existing = await ctx.db
    .query("folders")
    .withIndex("by_parent_name", (q) => q.eq("parentId", parentId).eq("name", name))
    .unique();
  return existing?._id ?? (await ctx.db.insert("folders", { name, parentId }));
}

// Like `mkdir -p`: creates every missing folder of a path such as "clients/acme/2026".
export const createPath = mutation({
  args: { path: v.string() },
  handler: async (ctx, { path }) => {
    let folderId: Id<"folders"> | null = null;
    for (const name of path.split("/").filter((name) => name !== "")) {
      folderId = await ensureFolder(ctx, folderId, name);
    }
    if (folderId === null) throw new Error("The path names no folder.");
    return folderId;
  },
});
