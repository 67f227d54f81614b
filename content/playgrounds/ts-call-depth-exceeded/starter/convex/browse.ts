import { v } from "convex/values";
import { query } from "./_generated/server";

// The names from the top folder down to this one.
export const pathOf = query({
  args: { folderId: v.id("folders") },
  handler: async (ctx, { folderId }) => {
    const names: string[] = [];
    let folder = await ctx.db.get(folderId);
    while (folder !== null) {
      names.unshift(folder.name);
      folder = folder.parentId === null ? null : await ctx.db.get(folder.parentId);
    }
    return names.join("/");
  },
});
