import { v } from "convex/values";
import { internalMutation, mutation } from "./_generated/server";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";

// Like `mkdir -p`: creates every missing folder of a path such as "clients/acme/2026".
export const createPath = mutation({
  args: { path: v.string() },
  handler: async (ctx, { path }): Promise<Id<"folders">> => {
    const names = path.split("/").filter((name) => name !== "");
    return await ctx.runMutation(internal.folders.ensure, { parentId: null, names });
  },
});

// One level per nested call: a path ten folders deep is ten nested calls.
export const ensure = internalMutation({
  args: { parentId: v.union(v.id("folders"), v.null()), names: v.array(v.string()) },
  handler: async (ctx, { parentId, names }): Promise<Id<"folders">> => {
    const [name, ...rest] = names;
    const existing = await ctx.db
      .query("folders")
      .withIndex("by_parent_name", (q) => q.eq("parentId", parentId).eq("name", name))
      .unique();
    const folderId = existing?._id ?? (await ctx.db.insert("folders", { name, parentId }));
    if (rest.length === 0) return folderId;
    return await ctx.runMutation(internal.folders.ensure, { parentId: folderId, names: rest });
  },
});
