/**
 * Maps V8 stack traces from the bundle back to the learner's files, the way
 * Convex reports errors: "Uncaught Error: boom\n    at handler (../convex/messages.ts:5:11)".
 * Frames inside the `convex` package or the environment are left out.
 */
import { SourceMap } from "node:module";
import type { Bundle } from "../types.ts";
import { BUNDLE_FILENAME, sourceFileName } from "../bundler/index.ts";
import type { ThrownInfo } from "../environment/index.ts";

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface StackMapper {
  /** The user-file position of a bundle position (1-based), or null outside user files. */
  position(line: number, column: number): SourcePosition | null;
  /** The Convex-style text for a thrown value: "Uncaught Error: msg" plus mapped frames. */
  format(thrown: ThrownInfo): string;
  /** The first user-file frame of a stack, if any. */
  firstUserFrame(stack: string): SourcePosition | null;
}

const FRAME = new RegExp(`^\\s*at (?:(.*?) \\()?${BUNDLE_FILENAME.replace(/\./g, "\\.")}:(\\d+):(\\d+)\\)?$`);

export function createStackMapper(bundle: Bundle): StackMapper {
  let map: SourceMap | null = null;
  const sourceMap = () => {
    if (map === null && bundle.sourceMap) map = new SourceMap(JSON.parse(bundle.sourceMap));
    return map;
  };

  function position(line: number, column: number): SourcePosition | null {
    const m = sourceMap();
    if (!m) return null;
    const entry = m.findEntry(line - 1, column - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (!entry || entry.originalSource === undefined) return null;
    const file = sourceFileName(entry.originalSource);
    if (file === null || file === "<entry>" || file.startsWith("_generated/")) return null;
    return { file, line: (entry.originalLine ?? 0) + 1, column: (entry.originalColumn ?? 0) + 1 };
  }

  function mapFrames(stack: string): Array<{ fn: string | null; pos: SourcePosition }> {
    const frames: Array<{ fn: string | null; pos: SourcePosition }> = [];
    for (const line of stack.split("\n")) {
      const m = FRAME.exec(line);
      if (!m) continue;
      const pos = position(Number(m[2]), Number(m[3]));
      if (pos) frames.push({ fn: m[1] ?? null, pos });
    }
    return frames;
  }

  return {
    position,
    firstUserFrame(stack) {
      return mapFrames(stack)[0]?.pos ?? null;
    },
    format(thrown) {
      const head = thrown.name ? `Uncaught ${thrown.name}: ${thrown.message}` : `Uncaught ${thrown.message}`;
      const frames = mapFrames(thrown.stack).map(({ fn, pos }) => {
        const where = `../convex/${pos.file}:${pos.line}:${pos.column}`;
        return fn ? `    at ${fn} (${where})` : `    at ${where}`;
      });
      return [head, ...frames].join("\n");
    },
  };
}
