/**
 * Finds the fenced code blocks of a lesson that claim to be valid Convex code:
 * ```ts title="convex/x.ts" check playground="<id>"   (or ```tsx title="src/X.tsx" check ...)
 * `check` marks the claim; `title` is the file's path in the project;
 * `playground` (optional) names the playground whose finished files the
 * sample is checked alongside (its schema and the modules it imports).
 */
export interface CheckedCodeBlock {
  lesson: string;
  /** 1-based line of the opening fence. */
  line: number;
  title: string;
  playground: string | null;
  code: string;
}

const FENCE = /^```(\w+)([^\n]*)$/;

function metaValue(meta: string, key: string): string | null {
  const match = new RegExp(`\\b${key}="([^"]*)"`).exec(meta);
  return match ? match[1] : null;
}

export function checkedCodeBlocks(lesson: string, mdx: string): CheckedCodeBlock[] {
  const lines = mdx.split("\n");
  const blocks: CheckedCodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    // A closing fence is backticks alone (an info string would make it an opener).
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (end === -1) throw new Error(`${lesson}: the code block opened on line ${i + 1} is never closed.`);
    const [, lang, meta] = open;
    if (/(^|\s)check(\s|$)/.test(meta)) {
      if (lang !== "ts" && lang !== "tsx") {
        throw new Error(`${lesson}:${i + 1}: only \`ts\` and \`tsx\` blocks can be marked \`check\` (found \`${lang}\`).`);
      }
      const title = metaValue(meta, "title");
      if (title === null || !/^(convex|src)\/[\w./-]+\.tsx?$/.test(title)) {
        throw new Error(`${lesson}:${i + 1}: a checked block needs title="convex/<file>.ts" (found ${JSON.stringify(title)}).`);
      }
      blocks.push({ lesson, line: i + 1, title, playground: metaValue(meta, "playground"), code: lines.slice(i + 1, end).join("\n") + "\n" });
    }
    i = end;
  }
  return blocks;
}
