/** The playground editor's declarations, themes and codegen templates, packed at build time. */
import type { APIRoute } from "astro";
import { buildEditorPack } from "../lib/playground/editor/editorPack";

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildEditorPack()), { headers: { "Content-Type": "application/json" } });
