/**
 * Renders a Convex value as readable text that keeps every type visible:
 * bigint (Int64) as `12n`, bytes as `ArrayBuffer(3) <01 02 03>`, strings quoted,
 * `null` distinct from a missing field, floats like NaN and -0 spelled out.
 */
import type { Value } from "convex/values";

const MAX_BYTES_SHOWN = 32;

function formatNumber(n: number): string {
  if (Object.is(n, -0)) return "-0";
  return String(n);
}

function formatBytes(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const shown = Array.from(bytes.slice(0, MAX_BYTES_SHOWN), (b) => b.toString(16).padStart(2, "0")).join(" ");
  return `ArrayBuffer(${bytes.length})${bytes.length ? ` <${shown}${bytes.length > MAX_BYTES_SHOWN ? " …" : ""}>` : ""}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatValue(value: Value | undefined, indent = "", step = "  "): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof ArrayBuffer) return formatBytes(value);
  const inner = indent + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => formatValue(item, inner, step));
    if (items.every((i) => !i.includes("\n")) && items.join(", ").length < 60) return `[${items.join(", ")}]`;
    return `[\n${items.map((i) => inner + i).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, Value>);
  if (entries.length === 0) return "{}";
  const parts = entries.map(([key, v]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${formatValue(v, inner, step)}`);
  if (parts.every((p) => !p.includes("\n")) && parts.join(", ").length < 60) return `{ ${parts.join(", ")} }`;
  return `{\n${parts.map((p) => inner + p).join(",\n")}\n${indent}}`;
}
