/**
 * Content collections. Lessons and troubleshooting entries live in the top-level `content/`
 * folder (see content/README.md) and are validated here, so a bad frontmatter field fails
 * `astro build`/`astro sync` with an error naming the file and the field.
 *
 * Starlight needs its own `docs` collection to exist; the site keeps it empty and renders
 * lessons and entries through `<StarlightPage>` in its own routes (see README, "Site").
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { lessonSchema, troubleshootingSchema } from "./lib/site/content-schemas";

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  lessons: defineCollection({
    loader: glob({ base: "./content/lessons", pattern: "[^_]*.mdx" }),
    schema: lessonSchema,
  }),
  troubleshooting: defineCollection({
    loader: glob({ base: "./content/troubleshooting", pattern: "[^_]*.mdx" }),
    schema: troubleshootingSchema,
  }),
};
