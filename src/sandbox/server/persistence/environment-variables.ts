/**
 * Each sandbox's environment variables in the server's SQLite database (its
 * own table, beside the registry and the commit log), so they survive a
 * restart and die with the sandbox. Each row also keeps the `_id` and
 * `_creationTime` of the variable's `_environment_variables` document (null
 * in rows written before they were kept, or set before the deployment loaded:
 * it gives those a new document).
 */
import type Database from "better-sqlite3";
import type { EnvironmentVariableDocumentFields as DocumentFields } from "../../runtime/types.js";

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
    const columns = new Set((db.prepare("PRAGMA table_info(environment_variables)").all() as Array<{ name: string }>).map((c) => c.name));
    if (!columns.has("document_id")) db.exec("ALTER TABLE environment_variables ADD COLUMN document_id TEXT");
    if (!columns.has("creation_time")) db.exec("ALTER TABLE environment_variables ADD COLUMN creation_time REAL");
  }

  /** The sandbox's variables by name (empty when it has none). */
  load(sandboxId: string): Record<string, string> {
    return this.loadWithDocuments(sandboxId).vars;
  }

  /** The `_id` and `_creationTime` of the sandbox's variables, by name, for those that have them. */
  loadDocuments(sandboxId: string): Record<string, DocumentFields> {
    return this.loadWithDocuments(sandboxId).documents;
  }

  /** Both of the above, from one read. */
  loadWithDocuments(sandboxId: string): { vars: Record<string, string>; documents: Record<string, DocumentFields> } {
    const rows = this.db
      .prepare("SELECT name, value, document_id, creation_time FROM environment_variables WHERE sandbox_id = ? ORDER BY name")
      .all(sandboxId) as Array<{ name: string; value: string; document_id: string | null; creation_time: number | null }>;
    const vars: Record<string, string> = {};
    const documents: Record<string, DocumentFields> = {};
    for (const row of rows) {
      vars[row.name] = row.value;
      if (row.document_id !== null && row.creation_time !== null) documents[row.name] = { _id: row.document_id, _creationTime: row.creation_time };
    }
    return { vars, documents };
  }

  /** Replaces the sandbox's variables with `vars` (and their documents' fields, where given), in one transaction. */
  replace(sandboxId: string, vars: Record<string, string>, documents: Record<string, DocumentFields> = {}): void {
    const insert = this.db.prepare(
      "INSERT INTO environment_variables (sandbox_id, name, value, document_id, creation_time) VALUES (?, ?, ?, ?, ?)",
    );
    this.db.transaction(() => {
      this.delete(sandboxId);
      for (const [name, value] of Object.entries(vars)) {
        const doc = documents[name];
        insert.run(sandboxId, name, value, doc?._id ?? null, doc?._creationTime ?? null);
      }
    })();
  }

  delete(sandboxId: string): void {
    this.db.prepare("DELETE FROM environment_variables WHERE sandbox_id = ?").run(sandboxId);
  }
}
