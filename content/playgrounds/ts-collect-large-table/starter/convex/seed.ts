import { v } from "convex/values";
import { mutation } from "./_generated/server";

// Each article body is about 900 KB: run addBatch four times (from 1, 6, 11, 16) and the
// table holds 20 articles, about 18 MB, more than one query may read (16 MiB).
const BODY_LENGTH = 900_000;

// Adds articles `from`, from + 1, ... (count of them).
export const addBatch = mutation({
  args: { from: v.number(), count: v.number() },
  handler: async (ctx, { from, count }) => {
    for (let n = from; n < from + count; n++) {
      await ctx.db.insert("articles", { title: `Article ${n}`, body: `Article ${n}. `.padEnd(BODY_LENGTH, "lorem ipsum ") });
    }
  },
});
