/** Reading request bodies with a size limit. */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; an empty body is `{}`. */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const body = await readBody(req, limit);
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch (e) {
    throw new HttpError(400, "BadJsonBody", `Failed to parse the request body as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, "BadJsonBody", "The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, "RequestTooLarge", `The request body is larger than the limit of ${limit} bytes.`);
}
