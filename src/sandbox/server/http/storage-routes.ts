/**
 * File storage on the cloud URL (real backend `local_backend/src/storage.rs`):
 * `POST /api/storage/upload?token=…` stores the raw body and answers
 * `{storageId}`; `GET /api/storage/<key>` serves the bytes with their
 * Content-Type, honouring a single `Range`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deployment } from "../../runtime/types.js";
import { readBody } from "./body.js";
import { HttpError } from "./errors.js";
import { sendJson } from "./responses.js";

export function isStoragePath(path: string): boolean {
  return path.startsWith("/api/storage/");
}

export async function handleStorage(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  deployment: Deployment,
  maxBodyBytes: number,
): Promise<void> {
  const storage = deployment.storage;
  if (!storage) throw new HttpError(404, "NotFound", "This deployment has no file storage.");
  if (path === "/api/storage/upload") {
    if (req.method !== "POST") throw new HttpError(405, "MethodNotAllowed", "Upload URLs only accept POST requests.");
    const token = query.get("token");
    if (!token) throw new HttpError(400, "MissingToken", "The upload URL is missing its `token` parameter.");
    const bytes = await readBody(req, maxBodyBytes);
    const contentType = req.headers["content-type"] ?? null;
    const digest = typeof req.headers.digest === "string" ? req.headers.digest : null;
    try {
      sendJson(res, 200, await storage.upload(token, new Uint8Array(bytes), contentType, digest));
    } catch (e) {
      throw new HttpError(400, "StorageUploadFailed", e instanceof Error ? e.message : String(e));
    }
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    throw new HttpError(405, "MethodNotAllowed", "Storage URLs only accept GET requests.");
  }
  const key = decodeURIComponent(path.slice("/api/storage/".length));
  const file = await storage.download(key);
  if (!file) throw new HttpError(404, "FileNotFound", "File not found");
  res.setHeader("Content-Type", file.contentType ?? "application/octet-stream");
  res.setHeader("Accept-Ranges", "bytes");
  res.setHeader("Cache-Control", "private, max-age=2592000");
  const range = parseRange(req.headers.range, file.bytes.length);
  if (range === "unsatisfiable") {
    res.statusCode = 416;
    res.setHeader("Content-Range", `bytes */${file.bytes.length}`);
    res.end();
    return;
  }
  const [start, end] = range ?? [0, file.bytes.length - 1];
  if (range) {
    res.statusCode = 206;
    res.setHeader("Content-Range", `bytes ${start}-${end}/${file.bytes.length}`);
  } else res.statusCode = 200;
  const body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset + start, Math.max(0, end - start + 1));
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; null when absent or not a single range. */
function parseRange(header: string | undefined, size: number): [number, number] | null | "unsatisfiable" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return [start, end];
}
