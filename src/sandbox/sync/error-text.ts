/**
 * How the deployment words a failed call for the client: real Convex prefixes
 * every function error with the request ID ("[Request ID: …] Server Error").
 */
import { randomBytes } from "node:crypto";

export function newRequestId(): string {
  return randomBytes(8).toString("hex");
}

export function serverErrorMessage(requestId: string, message: string | undefined): string {
  const text = message ?? "Server Error";
  if (text.startsWith("[Request ID:")) return text;
  return `[Request ID: ${requestId}] Server Error\n${text}`;
}
