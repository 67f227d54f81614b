/**
 * The sync protocol's `EncTs`: a u64 timestamp as base64 of its 8
 * little-endian bytes (convex `browser/sync/protocol.ts` `longToU64`).
 */
import type { Timestamp } from "../database/types.js";

export function encodeTs(ts: Timestamp): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt.asUintN(64, ts));
  return bytes.toString("base64");
}

export function decodeTs(encoded: string): Timestamp {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length !== 8) {
    throw new Error(`Invalid timestamp: expected 8 bytes of base64, got ${bytes.length}`);
  }
  return bytes.readBigUInt64LE();
}
