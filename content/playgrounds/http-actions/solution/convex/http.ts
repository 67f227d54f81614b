import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { internal } from "./_generated/api";

const http = httpRouter();

const ALLOWED_ORIGIN = "https://app.example.com";

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

// POST /messages with a JSON body { author, body }, callable from ALLOWED_ORIGIN.
http.route({
  path: "/messages",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const cors = { "Access-Control-Allow-Origin": ALLOWED_ORIGIN, Vary: "Origin" };
    const { author, body } = await request.json();
    if (typeof author !== "string" || typeof body !== "string") {
      // Error responses need the headers too, or the browser hides them from the page.
      return new Response("Expected { author: string, body: string }", { status: 400, headers: cors });
    }
    await ctx.runMutation(internal.messages.post, { author, body });
    return new Response(null, { status: 201, headers: cors });
  }),
});

// The preflight: the browser asks before sending a JSON POST from another origin.
http.route({
  path: "/messages",
  method: "OPTIONS",
  handler: httpAction(async () => {
    return new Response(null, {
      status: 204,
      headers: {
        "Access-Control-Allow-Origin": ALLOWED_ORIGIN,
        "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Authorization",
        "Access-Control-Max-Age": "86400",
        Vary: "Origin",
      },
    });
  }),
});

export default http;
