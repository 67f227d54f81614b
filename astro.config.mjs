// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import { shikiThemes } from "./src/lib/themes.ts";

process.env.ASTRO_TELEMETRY_DISABLED = "1";

// Lessons and troubleshooting entries are their own content collections (src/content.config.ts),
// rendered by our routes through <StarlightPage>; the sidebar is built from those collections
// in src/lib/site/route-middleware.ts, so only the fixed links are listed here.
export default defineConfig({
  site: process.env.SITE_URL ?? "http://localhost:4321",
  trailingSlash: "ignore",
  integrations: [
    starlight({
      title: "Convex Playground",
      description:
        "Learn Convex by running it: lessons with live editors, a sandbox deployment in your browser tab, and a troubleshooting knowledge base.",
      disable404Route: true,
      routeMiddleware: "./src/lib/site/route-middleware.ts",
      customCss: ["./src/styles/site.css"],
      components: { Sidebar: "./src/components/site/Sidebar.astro" },
      expressiveCode: { themes: [shikiThemes.dark, shikiThemes.light] },
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      head: [{ tag: "link", attrs: { rel: "alternate", type: "text/plain", href: "/llms.txt", title: "llms.txt" } }],
      sidebar: [
        { label: "Home", link: "/" },
        { label: "Learn", link: "/lessons/" },
        { label: "Troubleshooting", link: "/troubleshooting/" },
        { label: "Playground", link: "/playground/" },
      ],
    }),
    // After Starlight, which adds Expressive Code's remark plugin to Markdown and MDX.
    mdx(),
    react(),
  ],
});
