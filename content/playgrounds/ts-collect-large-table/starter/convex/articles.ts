import { paginationOptsValidator } from "convex/server";
import { query } from "./_generated/server";

// A page of articles, newest first, with a short preview of each body.
// The page is cut out in JavaScript, after reading every article in the table.
export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const all = await ctx.db.query("articles").order("desc").collect();
    const start = paginationOpts.cursor === null ? 0 : Number(paginationOpts.cursor);
    const page = all.slice(start, start + paginationOpts.numItems);
    return {
      page: page.map((a) => ({ _id: a._id, title: a.title, preview: a.body.slice(0, 80) })),
      isDone: start + page.length >= all.length,
      continueCursor: String(start + page.length),
    };
  },
});
