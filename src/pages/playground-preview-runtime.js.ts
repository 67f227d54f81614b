/** The live preview's runtime script (react, react-dom, convex), bundled at build time. */
import type { APIRoute } from "astro";
import { buildPreviewRuntime } from "../lib/playground/preview/runtimeBundle";

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(await buildPreviewRuntime(), { headers: { "Content-Type": "text/javascript" } });
