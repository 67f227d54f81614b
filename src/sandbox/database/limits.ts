/**
 * Per-transaction limits (Convex's defaults) and the counters behind
 * `getTransactionMetrics`; exceeding one throws Convex's message.
 */
export const TRANSACTION_LIMITS = {
  bytesRead: 16 * 1024 * 1024,
  documentsRead: 32_000,
  databaseQueries: 4_096,
  documentsWritten: 16_000,
  bytesWritten: 16 * 1024 * 1024,
} as const;

const OVER_LIMIT_HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";

/** Formats like Convex's `format_bytes`: the unit that divides most cleanly ("16 MiB", "1534 bytes"). */
export function formatBytes(n: number): string {
  if (n === 0) return "0 bytes";
  const units: Array<[number, string]> = [
    [2 ** 30, "GiB"],
    [1e9, "GB"],
    [2 ** 20, "MiB"],
    [1e6, "MB"],
    [2 ** 10, "KiB"],
    [1e3, "KB"],
  ];
  for (const [size, name] of units) {
    if (n < size) continue;
    if (n % size === 0) return `${n / size} ${name}`;
    if ((n * 10) % size === 0) return `${Math.floor(n / size)}.${Math.floor((n * 10) / size) % 10} ${name}`;
  }
  return `${n} bytes`;
}

export class TransactionCounters {
  bytesRead = 0;
  documentsRead = 0;
  databaseQueries = 0;
  documentsWritten = 0;
  bytesWritten = 0;

  constructor(readonly limits: typeof TRANSACTION_LIMITS = TRANSACTION_LIMITS) {}

  snapshot(): TransactionCounters {
    return Object.assign(new TransactionCounters(this.limits), this);
  }

  read(bytes: number): void {
    this.documentsRead++;
    this.bytesRead += bytes;
    if (this.documentsRead > this.limits.documentsRead) {
      throw new Error(
        `Too many documents read in a single function execution (limit: ${this.limits.documentsRead}). ${OVER_LIMIT_HELP}`,
      );
    }
    if (this.bytesRead > this.limits.bytesRead) {
      throw new Error(
        `Too many bytes read in a single function execution (limit: ${this.limits.bytesRead} bytes). ${OVER_LIMIT_HELP}`,
      );
    }
  }

  query(): void {
    this.databaseQueries++;
    if (this.databaseQueries > this.limits.databaseQueries) {
      throw new Error(
        `Too many reads in a single function execution (limit: ${this.limits.databaseQueries}). ${OVER_LIMIT_HELP}`,
      );
    }
  }

  write(bytes: number): void {
    this.documentsWritten++;
    this.bytesWritten += bytes;
    if (this.documentsWritten > this.limits.documentsWritten) {
      throw new Error(`Too many writes in a single function execution (limit: ${this.limits.documentsWritten})`);
    }
    if (this.bytesWritten > this.limits.bytesWritten) {
      throw new Error(
        `Too many bytes written in a single function execution (limit: ${formatBytes(this.limits.bytesWritten)})`,
      );
    }
  }

  metrics(): Record<string, { used: number; remaining: number }> {
    const entry = (used: number, limit: number) => ({ used, remaining: Math.max(0, limit - used) });
    return {
      bytesRead: entry(this.bytesRead, this.limits.bytesRead),
      bytesWritten: entry(this.bytesWritten, this.limits.bytesWritten),
      databaseQueries: entry(this.databaseQueries, this.limits.databaseQueries),
      documentsRead: entry(this.documentsRead, this.limits.documentsRead),
      documentsWritten: entry(this.documentsWritten, this.limits.documentsWritten),
    };
  }
}
