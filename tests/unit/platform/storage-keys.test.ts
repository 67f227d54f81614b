import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileBlobStore } from "../../../src/sandbox/platform/storage/blob-store.js";
import { StorageKeys, UPLOAD_URL_LIFETIME_MS } from "../../../src/sandbox/platform/storage/storage-keys.js";

const dir = mkdtempSync(join(tmpdir(), "platform-storage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("storage keys", () => {
  it("upload tokens expire after an hour and are bound to the deployment's secret", () => {
    const keys = StorageKeys.open(null);
    const t0 = 1_700_000_000_000;
    const token = keys.uploadToken(t0);
    expect(() => keys.checkUploadToken(token, t0 + UPLOAD_URL_LIFETIME_MS - 1)).not.toThrow();
    expect(() => keys.checkUploadToken(token, t0 + UPLOAD_URL_LIFETIME_MS + 1)).toThrow(/The upload URL has expired/);
    expect(() => StorageKeys.open(null).checkUploadToken(token, t0)).toThrow(/Invalid upload token/);
    expect(() => keys.checkUploadToken("abc", t0)).toThrow(/Invalid upload token/);
  });

  it("file URL keys are stable UUIDs, and the secret persists in the data folder", () => {
    const a = StorageKeys.open(join(dir, "secret"));
    const b = StorageKeys.open(join(dir, "secret"));
    expect(a.urlKey("kg2abc")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.urlKey("kg2abc")).toBe(b.urlKey("kg2abc"));
    expect(a.urlKey("kg2abc")).not.toBe(StorageKeys.open(null).urlKey("kg2abc"));
    const token = a.uploadToken(Date.now());
    expect(() => b.checkUploadToken(token, Date.now())).not.toThrow();
  });

  it("the file blob store keeps bytes and metadata across instances", () => {
    const key = StorageKeys.open(null).urlKey("x");
    const store = new FileBlobStore(join(dir, "blobs"));
    store.put(key, new Uint8Array([1, 2, 3]), { storageId: "x", contentType: "image/png", sha256: "abc", size: 3 });
    const again = new FileBlobStore(join(dir, "blobs")).get(key);
    expect(again && [...again.bytes]).toEqual([1, 2, 3]);
    expect(again?.meta.contentType).toBe("image/png");
    expect(store.get("../../etc/passwd")).toBeNull();
    store.delete(key);
    expect(store.get(key)).toBeNull();
  });
});
