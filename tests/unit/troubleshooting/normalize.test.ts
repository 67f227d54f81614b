import { describe, expect, it } from "vitest";
import { normalizeError, stripErrorWrapping } from "../../../src/lib/troubleshooting/normalize";

describe("stripErrorWrapping", () => {
  it("removes the client prefix, request ID, Uncaught and stack frames", () => {
    const text =
      "[CONVEX M(messages:send)] [Request ID: 4f2c1a7be3d05f91] Server Error\nUncaught Error: boom\n    at handler (../convex/messages.ts:12:5)\n\n  Called by client";
    expect(stripErrorWrapping(text)).toBe("Error: boom");
    expect(stripErrorWrapping("[CONVEX A(ai:run)] [Request ID: 5a4b3c2d1e0f9a8b] Server Error")).toBe("Server Error");
  });
});

describe("normalizeError", () => {
  it("gives the same form whatever IDs, paths and numbers the message carries", () => {
    const a = normalizeError(
      'Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry. Another call to this mutation changed the document with ID "jd7fh0sr9kq2yk2x7n3v1cgbxh7a6f4p".',
    );
    const b = normalizeError(
      'Documents read from or written to the "orders" table changed while this mutation was being run and on every subsequent retry. Another call to this mutation changed the document with ID "k1a2b3c4d5e6f7g8h9j0k1m2n3p4q5r6".',
    );
    expect(a).toBe(b);
  });

  it("replaces document IDs, request IDs, UUIDs, timestamps, paths, function paths, quotes and numbers", () => {
    expect(normalizeError("Delete on nonexistent document ID k57cz4dc3s4b6b5n8m1fmyhqfh7a6p8d")).toBe(
      "delete on nonexistent document id <id>",
    );
    expect(normalizeError("failed at 2026-11-21T13:24:09.123Z in ./convex/a/b.ts:10:4 took 1500 ms")).toBe(
      "failed at <time> in <path> took <n> ms",
    );
    expect(normalizeError("Could not find public function for 'admin/users:remove'.")).toBe(
      "could not find public function for <q> .",
    );
    expect(normalizeError("Trying to execute messages:send as Query")).toBe("trying to execute <fn> as query");
    expect(normalizeError("storage 3f2e1d0c-aaaa-bbbb-cccc-1234567890ab gone")).toBe("storage <id> gone");
  });

  it("keeps words with apostrophes and keeps which Convex host a URL points at", () => {
    expect(normalizeError("Can't use fetch() in queries")).toBe("can't use fetch() in queries");
    expect(normalizeError("POST https://a-b-1.convex.cloud/api/x 404")).toBe("post <url> convex cloud <n>");
    expect(normalizeError("GET https://a-b-1.convex.site/x")).toBe("get <url> convex site");
  });
});
