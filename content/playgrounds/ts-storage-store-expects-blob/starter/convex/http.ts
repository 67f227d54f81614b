import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";

const http = httpRouter();

// The profile page's upload form posts the image file here.
http.route({
  path: "/avatars",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    // @ts-expect-error store() takes a Blob, not the Request: this line is the bug.
    const storageId = await ctx.storage.store(request);
    return Response.json({ storageId });
  }),
});

export default http;
