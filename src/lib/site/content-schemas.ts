/**
 * Frontmatter schemas for the `content/` folder (format: content/README.md).
 * Used by src/content.config.ts; kept separate so tests and scripts can validate
 * frontmatter without Astro's virtual modules.
 */
import { z } from "astro/zod";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase kebab-case slug");

const nonEmptyText = z.string().trim().min(1, "must not be empty");

export const lessonSchema = z
  .object({
    title: nonEmptyText,
    summary: nonEmptyText,
    order: z.number().int().nonnegative(),
    concepts: z.array(nonEmptyText).min(1, "must list at least one concept"),
    prerequisites: z.array(slug).default([]),
    troubleshooting: z.array(slug).default([]),
  })
  .passthrough();

export const errorTextSchema = z
  .object({
    text: nonEmptyText,
    pattern: z
      .string()
      .optional()
      .refine(
        (source) => {
          if (source === undefined) return true;
          try {
            new RegExp(source);
            return true;
          } catch {
            return false;
          }
        },
        { message: "must be a valid regular expression" },
      ),
  })
  .passthrough();

export const frequencies = ["common", "occasional", "rare"] as const;
export const functionTypes = ["query", "mutation", "action", "httpAction", "client"] as const;

export const troubleshootingSchema = z
  .object({
    title: nonEmptyText,
    symptoms: z.array(nonEmptyText).min(1, "must list at least one symptom"),
    errors: z.array(errorTextSchema).min(1, "must list at least one error text"),
    causes: z.array(nonEmptyText).min(1, "must list at least one cause"),
    frequency: z.enum(frequencies),
    tags: z.array(nonEmptyText).default([]),
    functionTypes: z.array(z.enum(functionTypes)).default([]),
    lessons: z.array(slug).default([]),
    playground: slug.optional(),
  })
  .passthrough();

export type LessonData = z.infer<typeof lessonSchema>;
export type TroubleshootingData = z.infer<typeof troubleshootingSchema>;
