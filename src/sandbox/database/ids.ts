/**
 * Convex document IDs: VInt(table number) ‖ 16-byte internal id ‖ u16 LE
 * fletcher16 footer, written in unpadded base32 with the alphabet
 * 0123456789abcdefghjkmnpqrstvwxyz. User tables are numbered from 10001, so
 * their IDs are 32 characters long.
 */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const INVERSE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));
const MIN_LENGTH = 31;
const MAX_LENGTH = 37;
const VERSION = 0;

export const FIRST_USER_TABLE_NUMBER = 10001;

export interface DecodedId {
  tableNumber: number;
  internalId: Uint8Array;
}

function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function decodeBase32(s: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((s.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (const c of s) {
    const v = INVERSE.get(c);
    if (v === undefined) return null;
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      if (n < out.length) out[n++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

function vintEncode(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

function fletcher16(bytes: Uint8Array): number {
  let c0 = 0;
  let c1 = 0;
  for (const b of bytes) {
    c0 = (c0 + b) % 256;
    c1 = (c1 + c0) % 256;
  }
  return (c1 << 8) | c0;
}

export function encodeId(tableNumber: number, internalId: Uint8Array): string {
  if (!Number.isInteger(tableNumber) || tableNumber <= 0 || tableNumber > 0xffffffff) {
    throw new Error(`Invalid table number ${tableNumber}`);
  }
  if (internalId.length !== 16) throw new Error("An internal id has exactly 16 bytes");
  const head = [...vintEncode(tableNumber), ...internalId];
  const bytes = new Uint8Array(head.length + 2);
  bytes.set(head);
  const footer = fletcher16(bytes.subarray(0, head.length)) ^ VERSION;
  bytes[head.length] = footer & 0xff;
  bytes[head.length + 1] = footer >> 8;
  return encodeBase32(bytes);
}

/** Decodes an ID string, or null when it is not a well-formed, canonical Convex ID. */
export function decodeId(s: string): DecodedId | null {
  if (typeof s !== "string" || s.length < MIN_LENGTH || s.length > MAX_LENGTH) return null;
  const bytes = decodeBase32(s);
  if (bytes === null) return null;
  let tableNumber = 0;
  let read = 0;
  for (let i = 0; ; i++) {
    if (i >= 5 || read >= bytes.length) return null;
    const b = bytes[read++];
    tableNumber += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) break;
  }
  if (tableNumber === 0 || tableNumber > 0xffffffff) return null;
  if (bytes.length !== read + 18) return null;
  const internalId = bytes.slice(read, read + 16);
  const footer = bytes[read + 16] | (bytes[read + 17] << 8);
  if ((fletcher16(bytes.subarray(0, read + 16)) ^ VERSION) !== footer) return null;
  // Only the canonical spelling is an ID (no trailing-bit variants).
  if (encodeId(tableNumber, internalId) !== s) return null;
  return { tableNumber, internalId };
}

/** A fresh internal id: 14 random bytes then the big-endian day number since the epoch. */
export function newInternalId(nowMs: number): Uint8Array {
  const out = new Uint8Array(16);
  out.set(randomBytes(14));
  const days = Math.floor(nowMs / 86_400_000) & 0xffff;
  out[14] = days >> 8;
  out[15] = days & 0xff;
  return out;
}

export function tableNumberOfId(id: string): number | null {
  return decodeId(id)?.tableNumber ?? null;
}
