import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { internal } from "./_generated/api";

const http = httpRouter();

// GET <site url>/file?name=notes.txt serves a stored file by name.
http.route({
  path: "/file",
  method: "GET",
  handler: httpAction(async (ctx, request) => {
    const name = new URL(request.url).searchParams.get("name");
    const storageId = name === null ? null : await ctx.runQuery(internal.files.storageIdByName, { name });
    const blob = storageId === null ? null : await ctx.storage.get(storageId);
    if (blob === null) return new Response("Not found", { status: 404 });
    return new Response(blob, { headers: { "Cache-Control": "max-age=3600" } });
  }),
});

export default http;
