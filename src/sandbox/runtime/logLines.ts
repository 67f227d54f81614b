/**
 * Captured console output of one call, as Convex reports it in `logLines`:
 * "[LOG] 'hello' { a: 1 }". At most 256 lines of 4 KiB each per execution.
 */
export const MAX_LOG_LINES = 256;
export const MAX_LOG_LINE_LENGTH = 4096;

const LEVELS: Record<string, string> = { log: "LOG", info: "INFO", warn: "WARN", error: "ERROR", debug: "DEBUG" };

export class LogCollector {
  readonly lines: string[] = [];
  private overflowed = false;

  add(level: string, message: string): void {
    if (this.lines.length >= MAX_LOG_LINES) {
      if (!this.overflowed) {
        this.overflowed = true;
        this.lines.push(`[ERROR] Log overflow (maximum ${MAX_LOG_LINES}). Remaining log lines omitted.`);
      }
      return;
    }
    const text = message.length > MAX_LOG_LINE_LENGTH ? `${message.slice(0, MAX_LOG_LINE_LENGTH)} (truncated due to length)` : message;
    this.lines.push(`[${LEVELS[level] ?? level.toUpperCase()}] ${text}`);
  }
}
