/**
 * Value sizes and nesting as Convex measures them, and the per-document
 * limits: 1 MiB, nesting depth 16, arrays of at most 8192 elements.
 */
import type { Value } from "convex/values";

export const MAX_DOCUMENT_SIZE = 1 << 20;
export const MAX_DOCUMENT_NESTING = 16;
export const MAX_ARRAY_LENGTH = 8192;

const utf8 = new TextEncoder();

function utf8Length(s: string): number {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? s.length : utf8.encode(s).length;
}

/** Size in bytes: scalars 1 or 9, strings/bytes 2 + length, containers 2 + contents (+ name + 1 per field). */
export function valueSize(v: Value | undefined): number {
  if (v === undefined || v === null) return 1;
  switch (typeof v) {
    case "bigint":
    case "number":
      return 9;
    case "boolean":
      return 1;
    case "string":
      return 2 + utf8Length(v);
  }
  if (v instanceof ArrayBuffer) return 2 + v.byteLength;
  if (Array.isArray(v)) {
    let n = 2;
    for (const item of v) n += valueSize(item);
    return n;
  }
  let n = 2;
  for (const [k, field] of Object.entries(v)) {
    if (field === undefined) continue;
    n += utf8Length(k) + 1 + valueSize(field);
  }
  return n;
}

/** Scalars 0; an array or object is 1 + its deepest element. */
export function valueNesting(v: Value | undefined): number {
  if (v === null || typeof v !== "object" || v instanceof ArrayBuffer) return 0;
  let deepest = 0;
  const items = Array.isArray(v) ? v : Object.values(v);
  for (const item of items) {
    const d = valueNesting(item as Value);
    if (d > deepest) deepest = d;
  }
  return 1 + deepest;
}

/** Formats a byte count like the Rust `humansize` crate's binary style ("1 MiB", "1.5 KiB", "12 B"). */
export function formatBinarySize(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${n} B`;
  const text = value.toFixed(2).replace(/\.?0+$/, "");
  return `${text} ${units[unit]}`;
}

function firstLongArray(v: Value | undefined): number | null {
  if (v === null || typeof v !== "object" || v instanceof ArrayBuffer) return null;
  if (Array.isArray(v) && v.length > MAX_ARRAY_LENGTH) return v.length;
  for (const item of Array.isArray(v) ? v : Object.values(v)) {
    const found = firstLongArray(item as Value);
    if (found !== null) return found;
  }
  return null;
}

/** Throws the Convex error for a document over the size, nesting or array-length limits. */
export function checkDocumentLimits(doc: Record<string, Value | undefined>): number {
  const longArray = firstLongArray(doc as Value);
  if (longArray !== null) {
    throw new Error(`Array length is too long (${longArray} > maximum length ${MAX_ARRAY_LENGTH})`);
  }
  const nesting = valueNesting(doc as Value);
  if (nesting > MAX_DOCUMENT_NESTING) {
    throw new Error(
      `Document is too nested (nested ${nesting} levels deep > maximum nesting ${MAX_DOCUMENT_NESTING})`,
    );
  }
  const size = valueSize(doc as Value);
  if (size > MAX_DOCUMENT_SIZE) {
    throw new Error(
      `Value is too large (${formatBinarySize(size)} > maximum size ${formatBinarySize(MAX_DOCUMENT_SIZE)})`,
    );
  }
  return size;
}
