/**
 * `CommitLog` on SQLite: `append` is one INSERT, durable when it returns
 * (WAL), so the database acknowledges a mutation only after it is on disk.
 * `load` replays the sandbox's commits in order. The log also keeps the
 * sandbox's live document count and byte size for quotas.
 */
import type Database from "better-sqlite3";
import type { Commit, CommitLog } from "../../database/types.js";
import { decodeCommit, documentBytes, encodeCommit } from "./commit-codec.js";

export interface StorageUsage {
  documents: number;
  bytes: number;
}

export class SqliteCommitLog implements CommitLog {
  private readonly insert: Database.Statement;
  private nextSeq: number;
  readonly usage: StorageUsage = { documents: 0, bytes: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly sandboxId: string,
  ) {
    this.insert = db.prepare("INSERT INTO commits (sandbox_id, seq, ts, body) VALUES (?, ?, ?, ?)");
    const row = db.prepare("SELECT MAX(seq) AS seq FROM commits WHERE sandbox_id = ?").get(sandboxId) as {
      seq: number | null;
    };
    this.nextSeq = (row.seq ?? 0) + 1;
  }

  append(commit: Commit): void {
    this.insert.run(this.sandboxId, this.nextSeq, commit.ts.toString(), encodeCommit(commit));
    this.nextSeq++;
    this.count(commit);
  }

  *load(): Iterable<Commit> {
    this.usage.documents = 0;
    this.usage.bytes = 0;
    const rows = this.db
      .prepare("SELECT body FROM commits WHERE sandbox_id = ? ORDER BY seq")
      .iterate(this.sandboxId) as Iterable<{ body: string }>;
    for (const row of rows) {
      const commit = decodeCommit(row.body);
      this.count(commit);
      yield commit;
    }
  }

  clear(): void {
    this.db.prepare("DELETE FROM commits WHERE sandbox_id = ?").run(this.sandboxId);
    this.usage.documents = 0;
    this.usage.bytes = 0;
  }

  private count(commit: Commit): void {
    for (const w of commit.writes) {
      if (w.before === null && w.after !== null) this.usage.documents++;
      if (w.before !== null && w.after === null) this.usage.documents--;
      this.usage.bytes += documentBytes(w.after) - documentBytes(w.before);
    }
  }
}
