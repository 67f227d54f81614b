/**
 * Order-preserving binary encoding of Convex values for index keys.
 *
 * Keys are "byte strings": JS strings whose every char code is 0..255, so the
 * engine's plain string comparison equals byte-wise (memcmp) comparison, and
 * that in turn equals `compareValues` from `convex/values`:
 * undefined < null < int64 < float64 < boolean < string < bytes < array < object.
 */
import type { Value } from "convex/values";
import { isCommitTs, MAX_INT64 } from "./commitTs.ts";

const TAG_UNDEFINED = "\x01";
const TAG_NULL = "\x02";
const TAG_INT64 = "\x03";
const TAG_FLOAT64 = "\x04";
const TAG_BOOLEAN = "\x05";
const TAG_STRING = "\x06";
const TAG_BYTES = "\x07";
const TAG_ARRAY = "\x08";
const TAG_OBJECT = "\x09";
/** Ends arrays and objects; sorts before every tag so shorter sequences sort first. */
const END = "\x00";
/** Precedes each field of an encoded object. */
const FIELD = "\x01";

const scratch = new DataView(new ArrayBuffer(8));

function eightBytes(): string {
  const d = scratch;
  return String.fromCharCode(
    d.getUint8(0), d.getUint8(1), d.getUint8(2), d.getUint8(3),
    d.getUint8(4), d.getUint8(5), d.getUint8(6), d.getUint8(7),
  );
}

function encodeInt64(n: bigint): string {
  scratch.setBigUint64(0, BigInt.asUintN(64, n) ^ 0x8000000000000000n);
  return eightBytes();
}

function encodeFloat64(n: number): string {
  scratch.setFloat64(0, n);
  const hi = scratch.getUint32(0);
  if (hi & 0x80000000) {
    // Negative: invert every bit so larger magnitudes sort first.
    scratch.setUint32(0, ~hi >>> 0);
    scratch.setUint32(4, ~scratch.getUint32(4) >>> 0);
  } else {
    scratch.setUint32(0, (hi | 0x80000000) >>> 0);
  }
  return eightBytes();
}

/** Bytes with 0x00 escaped as 0x00 0xFF and terminated by 0x00 0x00. */
function escapeBytes(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    s += b === 0 ? "\x00\xff" : String.fromCharCode(b);
  }
  return s + "\x00\x00";
}

const utf8 = new TextEncoder();

function encodeString(s: string): string {
  // Fast path for ASCII without NUL: the UTF-8 bytes are the code units.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || c > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? s + "\x00\x00" : escapeBytes(utf8.encode(s));
}

/** Appends the order-preserving encoding of one value. */
export function encodeValue(v: Value | undefined): string {
  if (v === undefined) return TAG_UNDEFINED;
  if (v === null) return TAG_NULL;
  switch (typeof v) {
    case "bigint":
      return TAG_INT64 + encodeInt64(v);
    case "number":
      return TAG_FLOAT64 + encodeFloat64(v);
    case "boolean":
      return TAG_BOOLEAN + (v ? "\x01" : "\x00");
    case "string":
      return TAG_STRING + encodeString(v);
  }
  if (v instanceof ArrayBuffer) return TAG_BYTES + escapeBytes(new Uint8Array(v));
  if (isCommitTs(v)) return TAG_INT64 + encodeInt64(MAX_INT64);
  if (Array.isArray(v)) {
    let s = TAG_ARRAY;
    for (const item of v) s += encodeValue(item);
    return s + END;
  }
  if (typeof v === "object") {
    let s = TAG_OBJECT;
    const keys = Object.keys(v).sort();
    for (const k of keys) {
      const field = (v as Record<string, Value | undefined>)[k];
      if (field === undefined) continue;
      s += FIELD + encodeString(k) + encodeValue(field);
    }
    return s + END;
  }
  throw new Error(`Cannot encode ${String(v)} as an index key`);
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
