import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { internal } from "./_generated/api";

const http = httpRouter();

// GET /messages: the latest messages as JSON.
http.route({
  path: "/messages",
  method: "GET",
  handler: httpAction(async (ctx) => {
    const messages = await ctx.runQuery(internal.messages.latest, {});
    const body = JSON.stringify(messages.map((m) => ({ author: m.author, body: m.body })));
    return new Response(body, { headers: { "Content-Type": "application/json" } });
  }),
});

// POST /messages with a JSON body { author, body }.
// Exercise: a web page on https://app.example.com must be able to call this.
// Add the CORS headers to this response and answer the browser's preflight
// (an OPTIONS request to the same path).
http.route({
  path: "/messages",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const { author, body } = await request.json();
    if (typeof author !== "string" || typeof body !== "string") {
      return new Response("Expected { author: string, body: string }", { status: 400 });
    }
    await ctx.runMutation(internal.messages.post, { author, body });
    return new Response(null, { status: 201 });
  }),
});

export default http;
