/**
 * How the deployment words a failed call for the client: real Convex prefixes
 * every function error with the request ID ("[Request ID: …] Server Error").
 */
import { randomFillSync } from "node:crypto";

/** Random bytes drawn in batches: one fill serves 512 request IDs. */
const pool = Buffer.alloc(8 * 512);
let offset = pool.length;

export function newRequestId(): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 8;
  return pool.toString("hex", offset - 8, offset);
}

export function serverErrorMessage(requestId: string, message: string | undefined): string {
  const text = message ?? "Server Error";
  if (text.startsWith("[Request ID:")) return text;
  return `[Request ID: ${requestId}] Server Error\n${text}`;
}
