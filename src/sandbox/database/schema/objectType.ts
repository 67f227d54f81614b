/** Adds the system fields to a table's document validator, as Convex checks whole documents. */
import type { ValidatorJson } from "./schemaJson.ts";

export type ObjectType = Extract<ValidatorJson, { type: "object" }>;

export function documentValidator(table: string, documentType: ValidatorJson): ValidatorJson {
  if (documentType.type === "object") {
    return {
      type: "object",
      value: {
        ...documentType.value,
        _id: { fieldType: { type: "id", tableName: table }, optional: false },
        _creationTime: { fieldType: { type: "number" }, optional: false },
      },
    };
  }
  if (documentType.type === "union") {
    return { type: "union", value: documentType.value.map((m) => documentValidator(table, m)) };
  }
  return documentType;
}
