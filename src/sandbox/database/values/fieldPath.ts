/** Reads a dotted field path ("a.b.c") out of a document; missing → undefined. */
import type { Value } from "convex/values";

export function getFieldPath(doc: Record<string, Value | undefined>, path: string): Value | undefined {
  if (!path.includes(".")) return doc[path];
  let current: Value | undefined = doc as Value;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object" || Array.isArray(current) || current instanceof ArrayBuffer) {
      return undefined;
    }
    current = (current as Record<string, Value | undefined>)[part];
    if (current === undefined) return undefined;
  }
  return current;
}
