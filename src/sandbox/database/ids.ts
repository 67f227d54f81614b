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

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** The ID's bytes (at most 5 + 16 + 2) and its characters, reused by every `encodeId`. */
const idBytes = new Uint8Array(23);
const idChars = Buffer.allocUnsafe(MAX_LENGTH);
// Every character is ASCII, so decoding the codes as Latin-1 is exact (and builds a flat string in one step).

export function encodeId(tableNumber: number, internalId: Uint8Array): string {
  if (!Number.isInteger(tableNumber) || tableNumber <= 0 || tableNumber > 0xffffffff) {
    throw new Error(`Invalid table number ${tableNumber}`);
  }
  if (internalId.length !== 16) throw new Error("An internal id has exactly 16 bytes");
  // VInt(table number), then the internal id.
  let n = 0;
  let rest = tableNumber;
  while (rest >= 0x80) {
    idBytes[n++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  idBytes[n++] = rest;
  for (let i = 0; i < 16; i++) idBytes[n++] = internalId[i];
  // Fletcher-16 footer, little-endian.
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < n; i++) {
    c0 = (c0 + idBytes[i]) & 0xff;
    c1 = (c1 + c0) & 0xff;
  }
  const footer = ((c1 << 8) | c0) ^ VERSION;
  idBytes[n++] = footer & 0xff;
  idBytes[n++] = footer >> 8;
  // Unpadded base32, most significant bits first.
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    buffer = ((buffer << 8) | idBytes[i]) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      idChars[length++] = ALPHABET_CODES[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) idChars[length++] = ALPHABET_CODES[(buffer << (5 - bits)) & 31];
  return idChars.toString("latin1", 0, length);
}

/** Character code → 5-bit value, or -1. */
const CHAR_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) CHAR_VALUE[ALPHABET.charCodeAt(i)] = i;
const scratch = new Uint8Array(24);

/** Where the internal id starts in `scratch` after a successful `decodeIntoScratch`. */
let scratchOffset = 0;

/**
 * Validates `s` and decodes it into `scratch` (setting `scratchOffset`);
 * returns the table number, or -1 when `s` is not a canonical Convex ID.
 */
function decodeIntoScratch(s: string): number {
  if (typeof s !== "string" || s.length < MIN_LENGTH || s.length > MAX_LENGTH) return -1;
  const byteLength = Math.floor((s.length * 5) / 8);
  // Canonical spelling only: no spare character, and the unused low bits of the last one are zero.
  if (s.length !== Math.ceil((byteLength * 8) / 5)) return -1;
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const v = code < 128 ? CHAR_VALUE[code] : -1;
    if (v < 0) return -1;
    buffer = ((buffer << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      scratch[n++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return -1;
  let tableNumber = 0;
  let read = 0;
  for (let i = 0; ; i++) {
    if (i >= 5 || read >= byteLength) return -1;
    const b = scratch[read++];
    tableNumber += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) {
      if (b === 0 && i > 0) return -1; // not minimal
      break;
    }
  }
  if (tableNumber === 0 || tableNumber > 0xffffffff || byteLength !== read + 18) return -1;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < read + 16; i++) {
    c0 = (c0 + scratch[i]) % 256;
    c1 = (c1 + c0) % 256;
  }
  const footer = scratch[read + 16] | (scratch[read + 17] << 8);
  if ((((c1 << 8) | c0) ^ VERSION) !== footer) return -1;
  scratchOffset = read;
  return tableNumber;
}

/** Decodes an ID string, or null when it is not a well-formed, canonical Convex ID. */
export function decodeId(s: string): DecodedId | null {
  const tableNumber = decodeIntoScratch(s);
  return tableNumber < 0 ? null : { tableNumber, internalId: scratch.slice(scratchOffset, scratchOffset + 16) };
}

let randomPool = new Uint8Array(0);
let randomPos = 0;

/**
 * A fresh internal id: 14 random bytes then the big-endian day number since
 * the epoch, written into `out` (a new array by default).
 */
export function newInternalId(nowMs: number, out: Uint8Array = new Uint8Array(16)): Uint8Array {
  if (randomPos + 14 > randomPool.length) {
    randomPool = new Uint8Array(randomBytes(14 * 1024));
    randomPos = 0;
  }
  for (let i = 0; i < 14; i++) out[i] = randomPool[randomPos + i];
  randomPos += 14;
  const days = Math.floor(nowMs / 86_400_000) & 0xffff;
  out[14] = days >> 8;
  out[15] = days & 0xff;
  return out;
}

/** The table number of a valid ID (without allocating), or null. */
export function tableNumberOfId(id: string): number | null {
  const tableNumber = decodeIntoScratch(id);
  return tableNumber < 0 ? null : tableNumber;
}
