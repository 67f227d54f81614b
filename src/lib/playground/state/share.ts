/**
 * Share links: the playground's files, compressed with lz-string into the URL hash
 * (`#playground=<id>&files=<compressed>`), so a link restores exactly what was shared
 * without any server.
 */
import LZString from "lz-string";
import type { FileMap } from "../types";

export function shareHash(playgroundId: string, files: FileMap): string {
  const params = new URLSearchParams();
  params.set("playground", playgroundId);
  params.set("files", LZString.compressToEncodedURIComponent(JSON.stringify(files)));
  return `#${params.toString()}`;
}

/** The files in a share hash for this playground, or null (absent, other playground, or corrupt). */
export function filesFromHash(hash: string, playgroundId: string): FileMap | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  if (params.get("playground") !== playgroundId) return null;
  const packed = params.get("files");
  if (!packed) return null;
  try {
    const parsed = JSON.parse(LZString.decompressFromEncodedURIComponent(packed) ?? "");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const files: FileMap = {};
    for (const [path, text] of Object.entries(parsed)) {
      if (typeof text !== "string" || path.includes("..") || path.startsWith("/")) return null;
      files[path] = text;
    }
    return files;
  } catch {
    return null;
  }
}
