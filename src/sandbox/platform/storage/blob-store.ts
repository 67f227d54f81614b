/**
 * Where file bytes live: in memory, or as files under `{dataDir}/storage/`
 * (one `<key>.bin` with its bytes and one `<key>.json` with its metadata), so
 * that blobs persist with the sandbox like its commit log.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, renameSync } from "node:fs";
import { join } from "node:path";

export interface BlobMeta {
  storageId: string;
  contentType: string | null;
  /** base64 SHA-256 of the bytes. */
  sha256: string;
  size: number;
}

export interface BlobStore {
  put(key: string, bytes: Uint8Array, meta: BlobMeta): void;
  get(key: string): { bytes: Uint8Array; meta: BlobMeta } | null;
  delete(key: string): void;
  clear(): void;
}

const KEY = /^[0-9a-f-]{36}$/;
function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Invalid storage key "${key}".`);
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { bytes: Uint8Array; meta: BlobMeta }>();
  put(key: string, bytes: Uint8Array, meta: BlobMeta): void {
    checkKey(key);
    this.blobs.set(key, { bytes: new Uint8Array(bytes), meta: { ...meta } });
  }
  get(key: string) {
    const b = this.blobs.get(key);
    return b ? { bytes: b.bytes, meta: { ...b.meta } } : null;
  }
  delete(key: string): void {
    this.blobs.delete(key);
  }
  clear(): void {
    this.blobs.clear();
  }
}

export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  put(key: string, bytes: Uint8Array, meta: BlobMeta): void {
    checkKey(key);
    // Bytes first, then metadata via rename: a blob is visible only once complete.
    writeFileSync(join(this.dir, `${key}.bin`), bytes);
    const tmp = join(this.dir, `${key}.json.tmp`);
    writeFileSync(tmp, JSON.stringify(meta));
    renameSync(tmp, join(this.dir, `${key}.json`));
  }
  get(key: string) {
    if (!KEY.test(key)) return null;
    const metaPath = join(this.dir, `${key}.json`);
    if (!existsSync(metaPath)) return null;
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as BlobMeta;
    return { bytes: new Uint8Array(readFileSync(join(this.dir, `${key}.bin`))), meta };
  }
  delete(key: string): void {
    if (!KEY.test(key)) return;
    rmSync(join(this.dir, `${key}.json`), { force: true });
    rmSync(join(this.dir, `${key}.bin`), { force: true });
  }
  clear(): void {
    for (const f of readdirSync(this.dir)) rmSync(join(this.dir, f), { force: true });
  }
}
