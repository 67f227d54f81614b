/**
 * Order-preserving binary encoding of Convex values for index keys.
 *
 * Keys are "byte strings": JS strings whose every char code is 0..255, so the
 * engine's plain string comparison equals byte-wise (memcmp) comparison, and
 * that in turn equals `compareValues` from `convex/values`:
 * undefined < null < int64 < float64 < boolean < string < bytes < array < object.
 *
 * Keys are written byte by byte into one reusable buffer and turned into a
 * string in one step, so every key is a flat string: index lookups compare it
 * with native `<` without first following a chain of concatenated pieces.
 * The byte format is stable (pagination cursors carry it to clients).
 */
import type { Value } from "convex/values";
import { isCommitTs, MAX_INT64 } from "./commitTs.ts";
import { getFieldPath } from "./fieldPath.ts";

const TAG_UNDEFINED = 0x01;
const TAG_NULL = 0x02;
const TAG_INT64 = 0x03;
const TAG_FLOAT64 = 0x04;
const TAG_BOOLEAN = 0x05;
const TAG_STRING = 0x06;
const TAG_BYTES = 0x07;
const TAG_ARRAY = 0x08;
const TAG_OBJECT = 0x09;
/** Ends arrays and objects; sorts before every tag so shorter sequences sort first. */
const END = 0x00;
/** Precedes each field of an encoded object. */
const FIELD = 0x01;

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Builds one key: append values with `value`, then `finish` returns the key.
 * Strings and bytes are escaped (0x00 → 0x00 0xFF) and end with 0x00 0x00.
 */
class KeyWriter {
  private bytes = Buffer.allocUnsafe(1024);
  private length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  private byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  private int64(n: bigint): void {
    scratch.setBigUint64(0, BigInt.asUintN(64, n) ^ 0x8000000000000000n);
    this.tagged(TAG_INT64);
  }

  private float64(n: number): void {
    scratch.setFloat64(0, n);
    const hi = scratch.getUint32(0);
    if (hi & 0x80000000) {
      // Negative: invert every bit so larger magnitudes sort first.
      scratch.setUint32(0, ~hi >>> 0);
      scratch.setUint32(4, ~scratch.getUint32(4) >>> 0);
    } else {
      scratch.setUint32(0, (hi | 0x80000000) >>> 0);
    }
    this.tagged(TAG_FLOAT64);
  }

  /** `tag`, then the 8 bytes in `scratch`. */
  private tagged(tag: number): void {
    this.reserve(9);
    const out = this.bytes;
    let at = this.length;
    out[at++] = tag;
    for (let i = 0; i < 8; i++) out[at++] = scratch.getUint8(i);
    this.length = at;
  }

  private escaped(bytes: Uint8Array): void {
    this.reserve(2 * bytes.length + 2);
    const out = this.bytes;
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      out[at++] = b;
      if (b === 0) out[at++] = 0xff;
    }
    out[at++] = 0;
    out[at++] = 0;
    this.length = at;
  }

  /** A field name or string value, without its tag. */
  private string(s: string): void {
    // Fast path for ASCII without NUL: the UTF-8 bytes are the code units.
    this.reserve(s.length + 2);
    const out = this.bytes;
    const start = this.length;
    let at = start;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0 || c > 0x7f) {
        this.length = start;
        this.escaped(utf8.encode(s));
        return;
      }
      out[at++] = c;
    }
    out[at++] = 0;
    out[at++] = 0;
    this.length = at;
  }

  /**
   * Appends the order-preserving encoding of one value. Kept small (scalars
   * only) so it inlines where keys are built; arrays, objects and bytes go to
   * `composite`.
   */
  value(v: Value | undefined): void {
    switch (typeof v) {
      case "number":
        return this.float64(v);
      case "string":
        this.byte(TAG_STRING);
        return this.string(v);
      case "bigint":
        return this.int64(v);
      case "boolean":
        this.byte(TAG_BOOLEAN);
        return this.byte(v ? 1 : 0);
      case "undefined":
        return this.byte(TAG_UNDEFINED);
    }
    if (v === null) return this.byte(TAG_NULL);
    return this.composite(v);
  }

  private composite(v: Value): void {
    if (v instanceof ArrayBuffer) {
      this.byte(TAG_BYTES);
      return this.escaped(new Uint8Array(v));
    }
    if (isCommitTs(v)) return this.int64(MAX_INT64);
    if (Array.isArray(v)) {
      this.byte(TAG_ARRAY);
      for (const item of v) this.value(item);
      return this.byte(END);
    }
    if (v !== null && typeof v === "object") {
      this.byte(TAG_OBJECT);
      const keys = Object.keys(v).sort();
      for (const k of keys) {
        const field = (v as Record<string, Value | undefined>)[k];
        if (field === undefined) continue;
        this.byte(FIELD);
        this.string(k);
        this.value(field);
      }
      return this.byte(END);
    }
    this.length = 0;
    throw new Error(`Cannot encode ${String(v)} as an index key`);
  }

  /** The key written so far, as one flat byte string; the writer is empty again. */
  finish(): string {
    const key = this.bytes.toString("latin1", 0, this.length);
    this.length = 0;
    return key;
  }
}

const utf8 = new TextEncoder();
const writer = new KeyWriter();

/** The order-preserving encoding of one value. */
export function encodeValue(v: Value | undefined): string {
  writer.value(v);
  return writer.finish();
}

/** The encoding of several values in order: a compound index key. */
export function encodeValues(values: ReadonlyArray<Value | undefined>): string {
  for (const v of values) writer.value(v);
  return writer.finish();
}

/**
 * A document's key in an index on `fields` (dotted paths): each field's value
 * (missing → undefined), then the document's `_id`. Written straight into the
 * key buffer, with no array of values in between.
 */
export function encodeDocumentKey(fields: ReadonlyArray<string>, doc: Record<string, Value | undefined>): string {
  for (let i = 0; i < fields.length; i++) writer.value(getFieldPath(doc, fields[i]));
  writer.value(doc._id);
  return writer.finish();
}

/**
 * The smallest key greater than every key that starts with `prefix`
 * (null when no such key exists, i.e. the prefix is all 0xFF).
 */
export function prefixSuccessor(prefix: string): string | null {
  let end = prefix.length;
  while (end > 0 && prefix.charCodeAt(end - 1) === 0xff) end--;
  if (end === 0) return null;
  return prefix.slice(0, end - 1) + String.fromCharCode(prefix.charCodeAt(end - 1) + 1);
}

/** The smallest key strictly greater than `key`. */
export function keySuccessor(key: string): string {
  return key + "\x00";
}

export function keyToBytes(key: string): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) out[i] = key.charCodeAt(i);
  return out;
}

export function bytesToKey(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
