/** Human wording for entry facts, shared by the pages and the finder island. */
import type { Frequency, FunctionType } from "./types";

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  common: "Common",
  occasional: "Occasional",
  rare: "Rare",
};

export const FUNCTION_TYPE_LABEL: Record<FunctionType, string> = {
  query: "Queries",
  mutation: "Mutations",
  action: "Actions",
  httpAction: "HTTP actions",
  client: "Client code",
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Plain text with `backtick` spans → safe HTML with <code> elements. */
export function inlineCodeHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  return escaped.replace(/`([^`]+)`/g, "<code>$1</code>");
}
