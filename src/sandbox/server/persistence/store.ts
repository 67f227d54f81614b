/**
 * The server's SQLite database (better-sqlite3, WAL): the sandbox registry
 * (ids, admin keys, pushed files) and every sandbox's commit log. One file
 * for the whole server, so a sandbox's registry row and its data live and
 * die together.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export type Durability = "full" | "normal";

export interface SandboxRecord {
  id: string;
  adminKey: string;
  files: Record<string, string>;
  createdAt: number;
  lastUsedAt: number;
}

export class ServerStore {
  readonly db: Database.Database;

  /** `path` ":memory:" keeps everything in memory (tests, `--data-dir none`). */
  constructor(path: string, durability: Durability = "normal") {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode: a commit survives a process crash (kill -9) once
    // written; FULL also fsyncs, surviving power loss.
    this.db.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sandboxes (
        id TEXT PRIMARY KEY,
        admin_key TEXT NOT NULL,
        files TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS commits (
        sandbox_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        ts TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (sandbox_id, seq)
      ) WITHOUT ROWID;
    `);
  }

  listSandboxes(): SandboxRecord[] {
    const rows = this.db.prepare("SELECT id, admin_key, files, created_at, last_used_at FROM sandboxes").all() as Array<{
      id: string;
      admin_key: string;
      files: string;
      created_at: number;
      last_used_at: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      adminKey: r.admin_key,
      files: JSON.parse(r.files) as Record<string, string>,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  insertSandbox(record: SandboxRecord): void {
    this.db
      .prepare("INSERT INTO sandboxes (id, admin_key, files, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)")
      .run(record.id, record.adminKey, JSON.stringify(record.files), record.createdAt, record.lastUsedAt);
  }

  saveFiles(id: string, files: Record<string, string>): void {
    this.db.prepare("UPDATE sandboxes SET files = ? WHERE id = ?").run(JSON.stringify(files), id);
  }

  touch(id: string, at: number): void {
    this.db.prepare("UPDATE sandboxes SET last_used_at = ? WHERE id = ?").run(at, id);
  }

  deleteSandbox(id: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM commits WHERE sandbox_id = ?").run(id);
      this.db.prepare("DELETE FROM sandboxes WHERE id = ?").run(id);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
