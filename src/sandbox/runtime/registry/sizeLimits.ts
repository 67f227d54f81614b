/**
 * Convex's limits on the size of a function's arguments and of its return
 * value (16 MiB each: `FUNCTION_MAX_ARGS_SIZE`, `FUNCTION_MAX_RESULT_SIZE`),
 * with the backend's texts. Sizes are measured on the encoded JSON.
 */
import { formatBinarySize } from "../../database/values/size.ts";

export const FUNCTION_MAX_ARGS_SIZE = 16 * 1024 * 1024;
export const FUNCTION_MAX_RESULT_SIZE = 16 * 1024 * 1024;

/** Null when `argsJson` (the encoded one-element args array) fits, else the error text. */
export function argsTooLarge(pathJs: string, argsJson: string, limit = FUNCTION_MAX_ARGS_SIZE): string | null {
  const size = Buffer.byteLength(argsJson, "utf8");
  if (size <= limit) return null;
  return `Arguments for ${pathJs} are too large (actual: ${formatBinarySize(size)}, limit: ${formatBinarySize(limit)})`;
}

/** Null when the encoded return value fits, else the error text. */
export function resultTooLarge(pathJs: string, resultJson: string, limit = FUNCTION_MAX_RESULT_SIZE): string | null {
  const size = Buffer.byteLength(resultJson, "utf8");
  if (size <= limit) return null;
  return `Function ${pathJs} return value is too large (actual: ${formatBinarySize(size)}, limit: ${formatBinarySize(limit)})`;
}
