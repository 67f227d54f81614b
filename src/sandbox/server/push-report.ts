/** Push errors worded as the Convex CLI prints them. */
import type { PushError } from "../runtime/types.js";

export function formatPushErrors(errors: PushError[]): string {
  const lines = errors.map((e) => {
    const where = e.file ? `${e.file}${e.line !== null ? `:${e.line}${e.column !== null ? `:${e.column}` : ""}` : ""}: ` : "";
    return `${where}${e.message}`;
  });
  return `✖ Error: Unable to push deployment config\n${lines.join("\n")}`;
}
