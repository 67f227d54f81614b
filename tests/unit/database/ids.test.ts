import { describe, expect, it } from "vitest";
import { decodeId, encodeId } from "../../../src/sandbox/database/index.ts";
import { newDatabase } from "./helpers.ts";

const ALPHABET = /^[0123456789abcdefghjkmnpqrstvwxyz]+$/;

describe("document IDs", () => {
  it("encodes table number and internal id in Convex's base32 format and round-trips", () => {
    const internal = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
    const id = encodeId(10001, internal);
    expect(id).toMatch(ALPHABET);
    expect(id).toHaveLength(32);
    const decoded = decodeId(id)!;
    expect(decoded.tableNumber).toBe(10001);
    expect([...decoded.internalId]).toEqual([...internal]);
  });

  it("accepts a string only when it is the canonical encoding of what it decodes to", () => {
    const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    const id = encodeId(10001, Uint8Array.from({ length: 16 }, (_, i) => i * 13));
    let accepted = 0;
    for (let pos = 0; pos < id.length; pos++) {
      for (const c of alphabet) {
        for (const candidate of [id.slice(0, pos) + c + id.slice(pos + 1), id + c, id.slice(0, pos) + id.slice(pos + 1)]) {
          const decoded = decodeId(candidate);
          if (decoded === null) continue;
          accepted++;
          expect(encodeId(decoded.tableNumber, decoded.internalId)).toBe(candidate);
        }
      }
    }
    // Only the unmodified ID itself survives single-character edits (the checksum catches the rest).
    expect(accepted).toBe(id.length);
  });

  it("has the documented lengths for the smallest and largest table numbers", () => {
    expect(encodeId(1, new Uint8Array(16))).toHaveLength(31);
    expect(encodeId(2 ** 32 - 1, new Uint8Array(16))).toHaveLength(37);
  });

  it("rejects tampered, truncated and non-canonical IDs", () => {
    const id = encodeId(10001, Uint8Array.from({ length: 16 }, (_, i) => 255 - i));
    const flipped = id.slice(0, 10) + (id[10] === "a" ? "b" : "a") + id.slice(11);
    expect(decodeId(flipped)).toBeNull();
    expect(decodeId(id.slice(0, -1))).toBeNull();
    expect(decodeId(id + "0")).toBeNull();
    expect(decodeId(id.toUpperCase())).toBeNull();
    expect(decodeId(id.slice(0, -1) + "i")).toBeNull();
    expect(decodeId("not an id")).toBeNull();
    // Changing the unused trailing bits of the last character keeps the bytes but is not canonical.
    const last = "0123456789abcdefghjkmnpqrstvwxyz".indexOf(id[id.length - 1]);
    const variant = id.slice(0, -1) + "0123456789abcdefghjkmnpqrstvwxyz"[last ^ 1];
    expect(decodeId(variant)).toBeNull();
  });

  it("numbers user tables from 10001 and checks IDs against their table", () => {
    const { db } = newDatabase();
    const tx = db.begin();
    const m = tx.insert("messages", { body: "a" });
    const u = tx.insert("users", { name: "b" });
    expect(decodeId(m)!.tableNumber).toBe(10001);
    expect(decodeId(u)!.tableNumber).toBe(10002);
    expect(tx.normalizeId("messages", m)).toBe(m);
    expect(tx.normalizeId("users", m)).toBeNull();
    expect(tx.normalizeId("nosuchtable", m)).toBeNull();
    expect(tx.normalizeId("messages", "garbage")).toBeNull();
  });

  it("gives the real error when db.get names a different table, and null for unknown IDs", () => {
    const { db } = newDatabase();
    const tx = db.begin();
    const m = tx.insert("messages", { body: "a" });
    tx.insert("users", { name: "b" });
    expect(() => tx.get(m, { table: "users" })).toThrow(
      'Invalid argument `id` for `db.get`: expected to be an Id<"users">, got Id<"messages"> instead.',
    );
    expect(tx.get(m, { table: "messages" })!.body).toBe("a");
    expect(tx.get(encodeId(10099, new Uint8Array(16)))).toBeNull();
    expect(tx.get("garbage")).toBeNull();
  });
});
