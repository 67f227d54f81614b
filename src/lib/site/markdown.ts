/**
 * Plain-Markdown copies of lessons and troubleshooting entries, made from the same collection
 * entries as the HTML pages: frontmatter becomes a short header, and MDX-only syntax (imports,
 * exports, components) becomes plain text. Code blocks pass through untouched.
 */
import type { LessonData, TroubleshootingData } from "./content-schemas";

const FENCE = /^\s*(`{3,}|~{3,})/;
const MDX_IMPORT_EXPORT = /^(import|export)\s/;
const PLAYGROUND = /<Playground\b[^>]*\bid=["']([^"']+)["'][^>]*\/>/g;
const COMPONENT_TAG_LINE = /^\s*<\/?[A-Z][\w.]*(\s[^>]*)?\/?>\s*$/;

/** Turns an MDX body into Markdown; `pageUrl` is where the live version (with playgrounds) is. */
export function mdxBodyToMarkdown(body: string, pageUrl: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      out.push(line);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      out.push(line);
      continue;
    }
    if (MDX_IMPORT_EXPORT.test(line)) continue;
    const withPlaygrounds = line.replace(
      PLAYGROUND,
      (_tag, id: string) => `> Live playground \`${id}\`: open ${pageUrl} to edit and run it against a sandbox.`,
    );
    if (withPlaygrounds === line && COMPONENT_TAG_LINE.test(line)) continue;
    out.push(withPlaygrounds);
  }
  return out.join("\n").replace(/^\n+/, "").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function bulletList(items: string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}

export function lessonToMarkdown(
  lesson: { data: LessonData; body?: string },
  urls: { page: string; lesson: (slug: string) => string; entry: (slug: string) => string },
): string {
  const { data } = lesson;
  const header = [`# ${data.title}`, "", `> ${data.summary}`, "", `Concepts: ${data.concepts.join(", ")}`];
  if (data.prerequisites.length) {
    header.push("", `Prerequisites: ${data.prerequisites.map((slug) => `[${slug}](${urls.lesson(slug)})`).join(", ")}`);
  }
  if (data.troubleshooting.length) {
    header.push("", `Related troubleshooting: ${data.troubleshooting.map((slug) => `[${slug}](${urls.entry(slug)})`).join(", ")}`);
  }
  header.push("", `Interactive version: ${urls.page}`);
  return `${header.join("\n")}\n\n${mdxBodyToMarkdown(lesson.body ?? "", urls.page)}`;
}

export function troubleshootingToMarkdown(
  entry: { data: TroubleshootingData; body?: string },
  urls: { page: string; lesson: (slug: string) => string },
): string {
  const { data } = entry;
  const errors = data.errors
    .map((error) => {
      const fence = error.text.includes("```") ? "~~~" : "```";
      const pattern = error.pattern ? `\nPattern: \`${error.pattern}\`` : "";
      return `${fence}text\n${error.text}\n${fence}${pattern}`;
    })
    .join("\n\n");
  const parts = [
    `# ${data.title}`,
    `## Symptoms\n\n${bulletList(data.symptoms)}`,
    `## Error text\n\n${errors}`,
    `## Causes\n\n${bulletList(data.causes)}`,
    [
      `Frequency: ${data.frequency}`,
      data.tags.length ? `Tags: ${data.tags.join(", ")}` : "",
      data.functionTypes.length ? `Function types: ${data.functionTypes.join(", ")}` : "",
      data.lessons.length
        ? `Related lessons: ${data.lessons.map((slug) => `[${slug}](${urls.lesson(slug)})`).join(", ")}`
        : "",
      `Interactive version: ${urls.page}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    mdxBodyToMarkdown(entry.body ?? "", urls.page),
  ];
  return parts.join("\n\n");
}
