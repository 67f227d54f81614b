/**
 * Starlight route middleware: every Starlight page (ours, the knowledge base's, 404) gets the
 * same sidebar, built from the validated content collections, and lesson pages get
 * previous/next links in learning order.
 */
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { buildSidebar, paginationFor } from "./sidebar";
import { getLessons, getTroubleshootingEntries } from "./collections";

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const [lessons, entries] = await Promise.all([getLessons(), getTroubleshootingEntries()]);
  route.sidebar = buildSidebar({ lessons, entries, pathname: context.url.pathname });
  route.pagination = paginationFor(lessons, context.url.pathname);
});
