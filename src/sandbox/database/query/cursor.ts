/**
 * Pagination cursors: opaque strings that name a position in one query's
 * index order (the encoded key of the last row read, or "the end") and a
 * fingerprint of the query, so a cursor from another query is rejected.
 */
import { bytesToBase64 } from "../values/display.ts";
import { bytesToKey, keyToBytes } from "../values/indexKey.ts";

export type CursorPosition = { kind: "start" } | { kind: "after"; key: string } | { kind: "end" };

/** Thrown for a cursor that is malformed or belongs to a different query. */
export class InvalidCursorError extends Error {
  readonly data = { isConvexSystemError: true, paginationError: "InvalidCursor" } as const;
  constructor() {
    super(
      "InvalidCursor: Tried to run a query starting from a cursor, but it looks like this cursor is from a different query.",
    );
    this.name = "InvalidCursorError";
  }
}

function toBase64Url(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** FNV-1a over the query's canonical JSON, as 8 hex digits. */
export function queryFingerprint(query: unknown): string {
  const text = JSON.stringify(query, (_k, v) =>
    typeof v === "bigint" ? `${v}n` : v instanceof ArrayBuffer ? bytesToBase64(new Uint8Array(v)) : v,
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function encodeCursor(fingerprint: string, position: CursorPosition): string {
  // Base64 text always has a length divisible by 4, so it never collides with "end" or "start".
  const p = position.kind === "after" ? bytesToBase64(keyToBytes(position.key)) : position.kind;
  return toBase64Url(JSON.stringify({ v: 1, q: fingerprint, p }));
}

export function decodeCursor(cursor: string, fingerprint: string): CursorPosition {
  let parsed: { v?: unknown; q?: unknown; p?: unknown };
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  if (parsed === null || typeof parsed !== "object" || parsed.v !== 1 || parsed.q !== fingerprint) {
    throw new InvalidCursorError();
  }
  if (parsed.p === "end" || parsed.p === "start") return { kind: parsed.p };
  if (typeof parsed.p !== "string") throw new InvalidCursorError();
  try {
    return { kind: "after", key: bytesToKey(Uint8Array.from(atob(parsed.p), (c) => c.charCodeAt(0))) };
  } catch {
    throw new InvalidCursorError();
  }
}
