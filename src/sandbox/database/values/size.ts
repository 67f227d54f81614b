/**
 * Value sizes and nesting as Convex measures them, and the per-document
 * limits: 1 MiB, nesting depth 16, arrays of at most 8192 elements.
 */
import type { Value } from "convex/values";
import { isCommitTs } from "./commitTs.ts";

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
  if (isCommitTs(v)) return 9;
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

/**
 * A stored document's size is kept on the document itself under a symbol key,
 * which `Object.keys`/`entries`, `for…in`, JSON and `structuredClone` never
 * see, so no encoder or copy for users carries it. (A spread does copy it:
 * `rememberDocumentSize` is called again for every document a write stores.)
 * Reading it costs no lookup in a side table, which at a million documents is
 * a cache miss of its own. Writes and loading record it, so a read measures
 * only a document stored some other way (one whose commit timestamp was
 * filled in at commit).
 */
const SIZE = Symbol("documentSize");
type Sized = { [SIZE]?: number };

/** The document's size (measured now if it was stored without one). */
export function documentSize(doc: object): number {
  return ((doc as Sized)[SIZE] ??= valueSize(doc as Value));
}

/** Records the size of a document about to be stored. */
export function rememberDocumentSize(doc: object, size: number): void {
  (doc as Sized)[SIZE] = size;
}

/** Scalars 0; an array or object is 1 + its deepest element. */
export function valueNesting(v: Value | undefined): number {
  if (v === null || typeof v !== "object" || v instanceof ArrayBuffer || isCommitTs(v)) return 0;
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

interface Measured {
  size: number;
  nesting: number;
  /** Length of the first over-long array found, or -1. */
  longArray: number;
  /** Whether a `db.vars.commitTs` placeholder was seen. */
  commitTs: boolean;
}

/** One walk over a value: size, nesting, the first array over the length limit, commit timestamps. */
function measure(v: Value | undefined, out: Measured): void {
  switch (typeof v) {
    case "number":
    case "bigint":
      out.size = 9;
      out.nesting = 0;
      return;
    case "string":
      out.size = 2 + utf8Length(v);
      out.nesting = 0;
      return;
    case "object":
      break;
    default:
      out.size = valueSize(v);
      out.nesting = 0;
      return;
  }
  if (v === null || v instanceof ArrayBuffer) {
    out.size = valueSize(v);
    out.nesting = 0;
    return;
  }
  if (isCommitTs(v)) {
    out.commitTs = true;
    out.size = valueSize(v);
    out.nesting = 0;
    return;
  }
  let size = 2;
  let deepest = 0;
  if (Array.isArray(v)) {
    if (v.length > MAX_ARRAY_LENGTH && out.longArray < 0) out.longArray = v.length;
    for (const item of v) {
      measure(item, out);
      size += out.size;
      if (out.nesting > deepest) deepest = out.nesting;
    }
  } else {
    for (const k in v) {
      const field = (v as Record<string, Value | undefined>)[k];
      if (field === undefined) continue;
      measure(field, out);
      size += utf8Length(k) + 1 + out.size;
      if (out.nesting > deepest) deepest = out.nesting;
    }
  }
  out.size = size;
  out.nesting = 1 + deepest;
}

/** A document's size and whether it holds a `db.vars.commitTs` placeholder. */
export interface DocumentMeasure {
  readonly size: number;
  readonly containsCommitTs: boolean;
}

const measured: Measured = { size: 0, nesting: 0, longArray: -1, commitTs: false };
const documentMeasure = { size: 0, containsCommitTs: false };

/**
 * Throws the Convex error for a document over the size, nesting or
 * array-length limits; else returns what it measured (one object reused by
 * every call: read it before the next).
 */
export function measureDocument(doc: Record<string, Value | undefined>): DocumentMeasure {
  const m = measured;
  m.size = 0;
  m.nesting = 0;
  m.longArray = -1;
  m.commitTs = false;
  measure(doc as Value, m);
  if (m.longArray >= 0) {
    throw new Error(`Array length is too long (${m.longArray} > maximum length ${MAX_ARRAY_LENGTH})`);
  }
  if (m.nesting > MAX_DOCUMENT_NESTING) {
    throw new Error(
      `Document is too nested (nested ${m.nesting} levels deep > maximum nesting ${MAX_DOCUMENT_NESTING})`,
    );
  }
  if (m.size > MAX_DOCUMENT_SIZE) {
    throw new Error(
      `Value is too large (${formatBinarySize(m.size)} > maximum size ${formatBinarySize(MAX_DOCUMENT_SIZE)})`,
    );
  }
  documentMeasure.size = m.size;
  documentMeasure.containsCommitTs = m.commitTs;
  return documentMeasure;
}

/** Throws the Convex error for a document over the size, nesting or array-length limits; returns its size. */
export function checkDocumentLimits(doc: Record<string, Value | undefined>): number {
  return measureDocument(doc).size;
}
