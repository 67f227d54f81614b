/**
 * Each sandbox's environment variables in the server's SQLite database (its
 * own table, beside the registry and the commit log), so they survive a
 * restart and die with the sandbox.
 */
import type Database from "better-sqlite3";

export class EnvironmentVariableStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS environment_variables (
        sandbox_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (sandbox_id, name)
      ) WITHOUT ROWID;
    `);
  }

  /** The sandbox's variables by name (empty when it has none). */
  load(sandboxId: string): Record<string, string> {
    const rows = this.db
      .prepare("SELECT name, value FROM environment_variables WHERE sandbox_id = ? ORDER BY name")
      .all(sandboxId) as Array<{ name: string; value: string }>;
    const vars: Record<string, string> = {};
    for (const row of rows) vars[row.name] = row.value;
    return vars;
  }

  /** Replaces the sandbox's variables with `vars`, in one transaction. */
  replace(sandboxId: string, vars: Record<string, string>): void {
    const insert = this.db.prepare("INSERT INTO environment_variables (sandbox_id, name, value) VALUES (?, ?, ?)");
    this.db.transaction(() => {
      this.delete(sandboxId);
      for (const [name, value] of Object.entries(vars)) insert.run(sandboxId, name, value);
    })();
  }

  delete(sandboxId: string): void {
    this.db.prepare("DELETE FROM environment_variables WHERE sandbox_id = ?").run(sandboxId);
  }
}
