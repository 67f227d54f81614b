/**
 * Parsing and shape-checking of client → server sync messages
 * (convex `browser/sync/protocol.ts` `ClientMessage`). Anything that does not
 * match a known message throws `ProtocolError`, which the session turns into
 * a `FatalError`.
 */
import type { JSONValue } from "../runtime/types.js";

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProtocolError";
  }
}

export type AddQuery = {
  type: "Add";
  queryId: number;
  udfPath: string;
  args: JSONValue[];
  journal?: string | null;
  componentPath?: string;
};
export type RemoveQuery = { type: "Remove"; queryId: number };

export type ClientMessage =
  | {
      type: "Connect";
      sessionId: string;
      connectionCount: number;
      lastCloseReason: string | null;
      maxObservedTimestamp?: string;
      clientTs?: number;
    }
  | { type: "ModifyQuerySet"; baseVersion: number; newVersion: number; modifications: Array<AddQuery | RemoveQuery> }
  | { type: "Mutation"; requestId: number; udfPath: string; args: JSONValue[]; componentPath?: string }
  | { type: "Action"; requestId: number; udfPath: string; args: JSONValue[]; componentPath?: string }
  | { type: "Authenticate"; tokenType: "User"; value: string; baseVersion: number }
  | { type: "Authenticate"; tokenType: "Admin"; value: string; baseVersion: number; impersonating?: Record<string, unknown> }
  | { type: "Authenticate"; tokenType: "None"; baseVersion: number }
  | { type: "Event"; eventType: string; event: unknown };

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function nonNegativeInt(msg: Obj, field: string): number {
  const v = msg[field];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw new ProtocolError(`${String(msg.type)} message: field \`${field}\` must be a non-negative integer`);
  }
  return v;
}
function str(msg: Obj, field: string): string {
  const v = msg[field];
  if (typeof v !== "string") {
    throw new ProtocolError(`${String(msg.type)} message: field \`${field}\` must be a string`);
  }
  return v;
}
function argsArray(msg: Obj): JSONValue[] {
  const v = msg.args;
  if (!Array.isArray(v)) {
    throw new ProtocolError(`${String(msg.type)} message: field \`args\` must be an array`);
  }
  return v as JSONValue[];
}
function optionalComponentPath(msg: Obj): string | undefined {
  const v = msg.componentPath;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new ProtocolError(`${String(msg.type)} message: field \`componentPath\` must be a string`);
  return v;
}

/** Parses one WebSocket text frame. */
export function parseClientMessage(text: string): ClientMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ProtocolError("Received a message that is not valid JSON");
  }
  if (!isObject(raw) || typeof raw.type !== "string") {
    throw new ProtocolError("Received a message without a `type` field");
  }
  const msg = raw;
  switch (msg.type) {
    case "Connect": {
      const lastCloseReason = msg.lastCloseReason;
      if (lastCloseReason !== null && lastCloseReason !== undefined && typeof lastCloseReason !== "string") {
        throw new ProtocolError("Connect message: field `lastCloseReason` must be a string or null");
      }
      const maxObservedTimestamp = msg.maxObservedTimestamp;
      if (maxObservedTimestamp !== undefined && maxObservedTimestamp !== null && typeof maxObservedTimestamp !== "string") {
        throw new ProtocolError("Connect message: field `maxObservedTimestamp` must be a string");
      }
      return {
        type: "Connect",
        sessionId: str(msg, "sessionId"),
        connectionCount: nonNegativeInt(msg, "connectionCount"),
        lastCloseReason: (lastCloseReason as string | null | undefined) ?? null,
        maxObservedTimestamp: (maxObservedTimestamp as string | null | undefined) ?? undefined,
        clientTs: typeof msg.clientTs === "number" ? msg.clientTs : undefined,
      };
    }
    case "ModifyQuerySet": {
      if (!Array.isArray(msg.modifications)) {
        throw new ProtocolError("ModifyQuerySet message: field `modifications` must be an array");
      }
      const modifications = msg.modifications.map((m): AddQuery | RemoveQuery => {
        if (!isObject(m)) throw new ProtocolError("ModifyQuerySet message: each modification must be an object");
        if (m.type === "Add") {
          const journal = m.journal;
          if (journal !== undefined && journal !== null && typeof journal !== "string") {
            throw new ProtocolError("Add modification: field `journal` must be a string or null");
          }
          return {
            type: "Add",
            queryId: nonNegativeInt(m, "queryId"),
            udfPath: str(m, "udfPath"),
            args: argsArray(m),
            journal: (journal as string | null | undefined) ?? null,
            componentPath: optionalComponentPath(m),
          };
        }
        if (m.type === "Remove") return { type: "Remove", queryId: nonNegativeInt(m, "queryId") };
        throw new ProtocolError(`ModifyQuerySet message: unknown modification type ${JSON.stringify(m.type)}`);
      });
      return {
        type: "ModifyQuerySet",
        baseVersion: nonNegativeInt(msg, "baseVersion"),
        newVersion: nonNegativeInt(msg, "newVersion"),
        modifications,
      };
    }
    case "Mutation":
    case "Action":
      return {
        type: msg.type as "Mutation",
        requestId: nonNegativeInt(msg, "requestId"),
        udfPath: str(msg, "udfPath"),
        args: argsArray(msg),
        componentPath: optionalComponentPath(msg),
      };
    case "Authenticate": {
      const baseVersion = nonNegativeInt(msg, "baseVersion");
      if (msg.tokenType === "User") return { type: "Authenticate", tokenType: "User", value: str(msg, "value"), baseVersion };
      if (msg.tokenType === "Admin") {
        const impersonating = msg.impersonating;
        if (impersonating !== undefined && impersonating !== null && !isObject(impersonating)) {
          throw new ProtocolError("Authenticate message: field `impersonating` must be an object");
        }
        return {
          type: "Authenticate",
          tokenType: "Admin",
          value: str(msg, "value"),
          baseVersion,
          impersonating: (impersonating as Obj | null | undefined) ?? undefined,
        };
      }
      if (msg.tokenType === "None") return { type: "Authenticate", tokenType: "None", baseVersion };
      throw new ProtocolError(`Authenticate message: unknown tokenType ${JSON.stringify(msg.tokenType)}`);
    }
    case "Event":
      return { type: "Event", eventType: typeof msg.eventType === "string" ? msg.eventType : "", event: msg.event };
    default:
      throw new ProtocolError(`Received a message of unknown type ${JSON.stringify(msg.type).slice(0, 100)}`);
  }
}

/** The single args object of a `[argsJson]` array, as Convex requires. */
export function singleArgsObject(args: JSONValue[]): JSONValue {
  if (args.length === 0) return {};
  if (args.length !== 1) throw new ProtocolError(`Expected a single argument object, got ${args.length} arguments`);
  return args[0];
}
