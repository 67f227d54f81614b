/**
 * The deployment's variables as Convex keeps them: documents `{_id,
 * _creationTime, name, value}` of the system table `_environment_variables`
 * (convex-backend `crates/model/src/environment_variables`), which
 * `npx convex env list` reads through `_system/cli/queryEnvironmentVariables`.
 * Setting a variable deletes its document and inserts a new one, even for an
 * unchanged value (`Application::update_environment_variables`), so each set
 * gives a new `_id` and `_creationTime`; removing it deletes its document.
 * The server stores the documents' fields with the variables, so they survive
 * a restart (`restore`).
 */
import type { EnvironmentVariableDocument, EnvironmentVariableDocumentFields as DocumentFields } from "../types.ts";
import { inConvexOrder, type EnvVarChange } from "./variables.ts";

export type { EnvironmentVariableDocument };

export class EnvironmentVariableDocuments {
  private readonly documents = new Map<string, DocumentFields>();

  /** `newDocument` gives a fresh `_id` and `_creationTime` (later than any before). */
  constructor(private readonly newDocument: () => DocumentFields) {}

  /** Takes the documents an earlier run gave these variables (before their `apply`). */
  restore(documents: Record<string, DocumentFields>): void {
    for (const [name, fields] of Object.entries(documents)) this.documents.set(name, { _id: fields._id, _creationTime: fields._creationTime });
  }

  /** Records changes that were applied: a set name gets a new document, an unset one loses its. */
  apply(changes: readonly EnvVarChange[]): void {
    for (const change of inConvexOrder(changes)) {
      if (change.value === null) this.documents.delete(change.name);
      else this.documents.set(change.name, this.newDocument());
    }
  }

  /** The documents of `vars` (the deployment's variables), in name order as Convex's `by_name` index gives them. */
  list(vars: Record<string, string>): EnvironmentVariableDocument[] {
    return Object.entries(vars).map(([name, value]) => {
      const fields = this.documents.get(name);
      if (!fields) throw new Error(`Environment variable ${name} has no document`);
      return { ...fields, name, value };
    });
  }
}
