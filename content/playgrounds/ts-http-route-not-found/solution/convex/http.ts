import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { internal } from "./_generated/api";

const http = httpRouter();

// Public profile pages: GET /profiles/<handle>.
http.route({
  // Every path that starts with "/profiles/".
  pathPrefix: "/profiles/",
  method: "GET",
  handler: httpAction(async (ctx, request) => {
    const handle = new URL(request.url).pathname.slice("/profiles/".length);
    const profile = await ctx.runQuery(internal.profiles.byHandle, { handle });
    if (profile === null) return new Response("No such profile", { status: 404 });
    return Response.json({ handle: profile.handle, name: profile.name });
  }),
});

export default http;
