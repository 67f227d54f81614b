/**
 * Large Transitions travel as `TransitionChunk` frames: the JSON text cut
 * into parts that the client concatenates in order and parses
 * (convex `browser/sync/protocol.ts`).
 */
import { randomUUID } from "node:crypto";

/** Returns the frames to send for one serialized Transition. */
export function splitTransition(text: string, maxBytes: number): string[] {
  if (text.length <= maxBytes) return [text];
  const transitionId = randomUUID();
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += maxBytes) parts.push(text.slice(i, i + maxBytes));
  return parts.map((chunk, partNumber) =>
    JSON.stringify({ type: "TransitionChunk", chunk, partNumber, totalParts: parts.length, transitionId }),
  );
}
