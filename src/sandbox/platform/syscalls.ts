/**
 * The syscalls the platform services answer, keyed by op name, for the
 * runtime's syscall dispatch. Ops are checked against the calling function's
 * type the way Convex's query/mutation and action environments differ.
 */
import type { UdfType } from "../runtime/types.js";
import type { PlatformCallContext, PlatformSyscall, PlatformTransaction } from "./ports.js";
import type { Scheduler } from "./scheduler/scheduler.js";
import type { FileStorage } from "./storage/file-storage.js";

export interface PlatformServices {
  scheduler: Scheduler;
  storage: FileStorage;
  /** A fresh read transaction, for reads made from actions. */
  readTransaction: () => PlatformTransaction;
  /** Runs `write` in a transaction of its own and commits it (writes made from actions). */
  writeTransaction: <T>(write: (tx: PlatformTransaction) => T) => T;
}

const ALL: UdfType[] = ["query", "mutation", "action"];
const WRITERS: UdfType[] = ["mutation", "action"];

/** Convex's refusal of an action-only operation in a query or mutation. */
function actionsOnly(what: string, handler: PlatformSyscall): PlatformSyscall {
  return (ctx, args) => {
    if (ctx.udfType !== "action") {
      throw new Error(`Can't use ${what} in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.`);
    }
    return handler(ctx, args);
  };
}

function only(types: UdfType[], op: string, handler: PlatformSyscall): PlatformSyscall {
  return (ctx, args) => {
    if (!types.includes(ctx.udfType)) {
      const article = ctx.udfType === "action" ? "an action" : `a ${ctx.udfType}`;
      throw new Error(`${op} cannot be called from ${article}.`);
    }
    return handler(ctx, args);
  };
}

export function platformSyscalls(s: PlatformServices): Record<string, PlatformSyscall> {
  const read = <T>(ctx: PlatformCallContext, f: (tx: PlatformTransaction) => T): T => f(ctx.tx ?? s.readTransaction());
  const write = <T>(ctx: PlatformCallContext, f: (tx: PlatformTransaction) => T): T =>
    ctx.tx ? f(ctx.tx) : s.writeTransaction(f);
  return {
    "1.0/schedule": only(["mutation"], "1.0/schedule", (ctx, args) => s.scheduler.schedule(ctx, args)),
    "1.0/cancel_job": only(["mutation"], "1.0/cancel_job", (ctx, args) => s.scheduler.cancel(ctx, args)),
    "1.0/actions/schedule": only(["action"], "1.0/actions/schedule", (ctx, args) => s.scheduler.schedule(ctx, args)),
    "1.0/actions/cancel_job": only(["action"], "1.0/actions/cancel_job", (ctx, args) => s.scheduler.cancel(ctx, args)),

    "1.0/storageGenerateUploadUrl": only(WRITERS, "storage.generateUploadUrl()", () => s.storage.generateUploadUrl()),
    "1.0/storageGetUrl": only(ALL, "storage.getUrl()", (ctx, args) => read(ctx, (tx) => s.storage.getUrl(tx, args.storageId as string))),
    "1.0/storageGetMetadata": only(ALL, "storage.getMetadata()", (ctx, args) =>
      read(ctx, (tx) => s.storage.getMetadata(tx, args.storageId as string)),
    ),
    "1.0/storageDelete": only(WRITERS, "storage.delete()", (ctx, args) => {
      write(ctx, (tx) => s.storage.delete(tx, args.storageId as string));
      return null;
    }),
    "1.0/storageStore": actionsOnly("storage.store()", (_ctx, args) => {
      if (typeof args.blob !== "string") throw new Error("storage.store() expects a Blob.");
      const contentType = typeof args.contentType === "string" && args.contentType !== "" ? args.contentType : null;
      const sha256 = typeof args.sha256 === "string" ? args.sha256 : null;
      return s.storage.store(Buffer.from(args.blob, "base64"), contentType, sha256);
    }),
    "1.0/storageGet": actionsOnly("storage.get()", (_ctx, args) => {
      const file = s.storage.get(args.storageId as string);
      return file === null ? null : { blob: Buffer.from(file.bytes).toString("base64"), contentType: file.contentType };
    }),
  };
}
