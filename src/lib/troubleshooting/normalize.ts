/**
 * Turns a pasted error into a canonical form, so the same message matches whatever request
 * IDs, document IDs, function paths, file paths, numbers and names it carries.
 *
 * The client wraps server messages as
 *   [CONVEX Q(messages:list)] [Request ID: 4f2c1a7be3d05f91] Server Error
 *   Uncaught Error: <message>
 *       at handler (../convex/messages.ts:12:5)
 * and the browser adds its own prefixes; all of that is noise for matching.
 */

/** Removes what Convex and the browser wrap around a message, keeping its original wording and case. */
export function stripErrorWrapping(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\[CONVEX [A-Z?]\([^)]*\)\]/g, " ")
    .replace(/\[Request ID: [^\]]*\]/gi, " ")
    .replace(/^\s*at\s.*$/gm, " ")
    .replace(/^\s*Called by client\s*$/gm, " ")
    .replace(/^\s*(?:✖|×)\s*Failed to run function "[^"]*":?/gm, " ")
    .replace(/\bUncaught\s+(?:\(in promise\)\s+)?/g, "")
    // "Server Error" heads the details of a failed call; alone, it is the whole (redacted) message.
    .replace(/^[ \t]*Server Error[ \t]*\n(?=[\s\S]*\S)/gm, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Base32 document IDs (31-37 chars, alphabet without i, l, o, u) such as k57cz4dc3s4b6b5n8m1fmyhqfh7a6p8d. */
const CONVEX_ID = /\b(?=[0-9a-hjkmnp-tv-z]*\d)(?=[0-9a-hjkmnp-tv-z]*[a-z])[0-9a-hjkmnp-tv-z]{31,37}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LONG_HEX = /\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g;
const URL = /\b(?:https?|wss?):\/\/[^\s'"`<>)\]]+/gi;
const FILE_PATH = /(?:\.{0,2}\/)?(?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|tsx|js|jsx|mjs|cjs|json)(?::\d+(?::\d+)?)?\b/g;
const FUNCTION_PATH = /\b(?:[\w-]+\/)*[\w-]+(?:\.js)?:[A-Za-z_$][\w$]*\b/g;
const QUOTED = /"[^"\n]{0,200}"|(?<![A-Za-z])'[^'\n]{0,200}'(?![A-Za-z])|`[^`\n]{0,80}`/g;
const NUMBER = /[-+]?\b\d+(?:[.,_]\d+)*(?:e[-+]?\d+)?\b/gi;

/** Words that carry the URL's meaning for matching: which kind of Convex host it is. */
function describeUrl(url: string): string {
  let host = "";
  try {
    host = new globalThis.URL(url).hostname;
  } catch {
    return " <url> ";
  }
  if (host.endsWith(".convex.cloud")) return " <url> convex cloud ";
  if (host.endsWith(".convex.site")) return " <url> convex site ";
  return " <url> ";
}

/**
 * Canonical form of an error message: wrapping stripped, variable parts replaced by
 * placeholders (<id>, <url>, <path>, <fn>, <q>, <n>), lower case, single spaces.
 */
export function normalizeError(text: string): string {
  return stripErrorWrapping(text)
    .replace(URL, (url) => describeUrl(url))
    .replace(ISO_TIME, " <time> ")
    .replace(UUID, " <id> ")
    .replace(CONVEX_ID, " <id> ")
    .replace(LONG_HEX, " <id> ")
    .replace(QUOTED, " <q> ")
    .replace(FUNCTION_PATH, " <fn> ")
    .replace(FILE_PATH, " <path> ")
    .replace(NUMBER, " <n> ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
