/**
 * Formats values the way Convex prints them inside validation errors
 * ("Value: …", "Object: …"): floats always show a fraction (`1.0`), int64 as
 * bare digits, strings quoted, bytes as b"<base64>", objects as {k: v, …}
 * with sorted keys.
 */
import type { Value } from "convex/values";
import { isCommitTs } from "./commitTs.ts";

export function formatFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Object.is(n, -0)) return "-0.0";
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    return n.toExponential().replace("e+", "e");
  }
  const s = String(n);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}

export function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

export function formatValue(v: Value | undefined): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  switch (typeof v) {
    case "bigint":
      return v.toString();
    case "number":
      return formatFloat(v);
    case "boolean":
      return String(v);
    case "string":
      return quoteString(v);
  }
  if (isCommitTs(v)) return "commitTs";
  if (v instanceof ArrayBuffer) return `b"${bytesToBase64(new Uint8Array(v))}"`;
  if (Array.isArray(v)) return `[${v.map(formatValue).join(", ")}]`;
  const obj = v as Record<string, Value | undefined>;
  const parts = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${k}: ${formatValue(obj[k])}`);
  return `{${parts.join(", ")}}`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
}
