import { paginationOptsValidator } from "convex/server";
import { query } from "./_generated/server";

// A page of articles, newest first, with a short preview of each body.
// paginate() reads only the documents of this page, however big the table grows.
export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const result = await ctx.db.query("articles").order("desc").paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map((a) => ({ _id: a._id, title: a.title, preview: a.body.slice(0, 80) })),
    };
  },
});
