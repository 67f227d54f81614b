import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";

const http = httpRouter();

// The profile page's upload form posts the image file here.
http.route({
  path: "/avatars",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    // The body as a Blob keeps the request's Content-Type, which becomes the file's.
    const storageId = await ctx.storage.store(await request.blob());
    return Response.json({ storageId });
  }),
});

export default http;
