/** Document syscalls: get, insert, patch (shallowMerge), replace, remove, count, normalizeId. */
import type { SyscallGroup } from "./table.ts";
import { requireTransaction, requireWritable } from "./context.ts";
import { objectFromJson, patchFromJson, toJson } from "./values.ts";

type TableOpt = { table?: string };
const tableOpt = (args: TableOpt) => (typeof args.table === "string" ? { table: args.table } : undefined);

export const databaseSyscalls: SyscallGroup = {
  sync: {
    "1.0/db/normalizeId": (call, args: { table: string; idString: string }) => {
      const tx = requireTransaction(call, "db.normalizeId");
      return { id: tx.normalizeId(args.table, args.idString) };
    },
  },
  immediate: {
    "1.0/get": (call, args: { id: string; isSystem?: boolean; table?: string }) => {
      const tx = requireTransaction(call, "db.get");
      const opts: { table?: string; isSystem?: boolean } = { isSystem: !!args.isSystem };
      if (typeof args.table === "string") opts.table = args.table;
      return toJson(tx.get(args.id, opts));
    },
    "1.0/insert": (call, args: { table: string; value: unknown }) => {
      const tx = requireWritable(call, "db.insert");
      return { _id: tx.insert(args.table, objectFromJson(args.value, "The inserted value"), { valuesDecoded: true }) };
    },
    "1.0/shallowMerge": (call, args: { id: string; value: unknown } & TableOpt) => {
      const tx = requireWritable(call, "db.patch");
      return toJson(tx.patch(args.id, patchFromJson(args.value), tableOpt(args)));
    },
    "1.0/replace": (call, args: { id: string; value: unknown } & TableOpt) => {
      const tx = requireWritable(call, "db.replace");
      return toJson(tx.replace(args.id, objectFromJson(args.value, "The replacement value"), tableOpt(args)));
    },
    "1.0/remove": (call, args: { id: string } & TableOpt) => {
      const tx = requireWritable(call, "db.delete");
      return toJson(tx.delete(args.id, tableOpt(args)));
    },
    "1.0/count": (call, args: { table: string }) => {
      return requireTransaction(call, "count").count(args.table);
    },
  },
};
