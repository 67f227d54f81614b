/**
 * Convex document IDs: VInt(table number) ‖ 16-byte internal id ‖ u16 LE
 * fletcher16 footer, written in unpadded base32 with the alphabet
 * 0123456789abcdefghjkmnpqrstvwxyz. User tables are numbered from 10001, so
 * their IDs are 32 characters long.
 */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
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

/** Character code → 5-bit value, or -1. */
const CHAR_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) CHAR_VALUE[ALPHABET.charCodeAt(i)] = i;
const scratch = new Uint8Array(24);

/**
 * Validates `s` and decodes it into `scratch`; returns the table number and
 * where the internal id starts, or null when `s` is not a canonical Convex ID.
 */
function decodeIntoScratch(s: string): { tableNumber: number; offset: number } | null {
  if (typeof s !== "string" || s.length < MIN_LENGTH || s.length > MAX_LENGTH) return null;
  const byteLength = Math.floor((s.length * 5) / 8);
  // Canonical spelling only: no spare character, and the unused low bits of the last one are zero.
  if (s.length !== Math.ceil((byteLength * 8) / 5)) return null;
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const v = code < 128 ? CHAR_VALUE[code] : -1;
    if (v < 0) return null;
    buffer = ((buffer << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      scratch[n++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  let tableNumber = 0;
  let read = 0;
  for (let i = 0; ; i++) {
    if (i >= 5 || read >= byteLength) return null;
    const b = scratch[read++];
    tableNumber += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) {
      if (b === 0 && i > 0) return null; // not minimal
      break;
    }
  }
  if (tableNumber === 0 || tableNumber > 0xffffffff || byteLength !== read + 18) return null;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < read + 16; i++) {
    c0 = (c0 + scratch[i]) % 256;
    c1 = (c1 + c0) % 256;
  }
  const footer = scratch[read + 16] | (scratch[read + 17] << 8);
  if ((((c1 << 8) | c0) ^ VERSION) !== footer) return null;
  return { tableNumber, offset: read };
}

/** Decodes an ID string, or null when it is not a well-formed, canonical Convex ID. */
export function decodeId(s: string): DecodedId | null {
  const d = decodeIntoScratch(s);
  return d === null ? null : { tableNumber: d.tableNumber, internalId: scratch.slice(d.offset, d.offset + 16) };
}

/** A fresh internal id: 14 random bytes then the big-endian day number since the epoch. */
let randomPool = new Uint8Array(0);
let randomPos = 0;

function random14(): Uint8Array {
  if (randomPos + 14 > randomPool.length) {
    randomPool = new Uint8Array(randomBytes(14 * 1024));
    randomPos = 0;
  }
  randomPos += 14;
  return randomPool.subarray(randomPos - 14, randomPos);
}

export function newInternalId(nowMs: number): Uint8Array {
  const out = new Uint8Array(16);
  out.set(random14());
  const days = Math.floor(nowMs / 86_400_000) & 0xffff;
  out[14] = days >> 8;
  out[15] = days & 0xff;
  return out;
}

/** The table number of a valid ID (without allocating), or null. */
export function tableNumberOfId(id: string): number | null {
  return decodeIntoScratch(id)?.tableNumber ?? null;
}
