/**
 * File storage of one deployment (`Deployment.storage` plus what the storage
 * syscalls need). A stored file is a `_storage` system document
 * `{ sha256 (base64), size, contentType? }` and a blob keyed by an
 * unguessable UUID derived from its ID; `getUrl` serves it at
 * `{cloudUrl}/api/storage/<uuid>`. Deleting the document (in a mutation) drops
 * the blob once that mutation commits.
 */
import { createHash } from "node:crypto";
import type { Document } from "../../database/types.js";
import type { StorageService, StoredFile } from "../../runtime/types.js";
import type { PlatformDatabase, PlatformTransaction } from "../ports.js";
import type { BlobStore } from "./blob-store.js";
import type { StorageKeys } from "./storage-keys.js";

export const STORAGE_TABLE = "_storage";
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileMetadataJson {
  storageId: string;
  /** Hex SHA-256, as `ctx.storage.getMetadata` reports it. */
  sha256: string;
  size: number;
  contentType: string | null;
}

export interface FileStorageOptions {
  db: PlatformDatabase;
  blobs: BlobStore;
  keys: StorageKeys;
  cloudUrl: string;
  maxFileBytes?: number;
  now?: () => number;
}

export class FileStorage implements StorageService {
  private readonly maxFileBytes: number;
  private readonly now: () => number;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: FileStorageOptions) {
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.now = opts.now ?? Date.now;
    this.unsubscribe = opts.db.onCommit((commit) => {
      for (const w of commit.writes) {
        if (w.table === STORAGE_TABLE && w.after === null && w.before !== null) {
          opts.blobs.delete(opts.keys.urlKey(w.id));
        }
      }
    });
  }

  private get base(): string {
    return this.opts.cloudUrl.replace(/\/+$/, "");
  }

  generateUploadUrl(): string {
    return `${this.base}/api/storage/upload?token=${encodeURIComponent(this.opts.keys.uploadToken(this.now()))}`;
  }

  async upload(token: string, bytes: Uint8Array, contentType: string | null, digest: string | null): Promise<{ storageId: string }> {
    this.opts.keys.checkUploadToken(token, this.now());
    let claimed: string | null = null;
    if (digest !== null) {
      const m = /^sha-256=(.+)$/i.exec(digest.trim());
      if (!m) throw new Error(`Unsupported Digest header "${digest}": expected "sha-256=<base64 digest>".`);
      claimed = m[1];
    }
    return { storageId: this.store(bytes, contentType, claimed) };
  }

  /** Stores bytes in a transaction of its own (uploads, and `ctx.storage.store` in actions). */
  store(bytes: Uint8Array, contentType: string | null, sha256Claim: string | null = null): string {
    if (bytes.byteLength > this.maxFileBytes) {
      throw new Error(`The file is ${bytes.byteLength} bytes, larger than this sandbox's limit of ${this.maxFileBytes} bytes per file.`);
    }
    const digest = createHash("sha256").update(bytes).digest();
    if (sha256Claim !== null && !matchesDigest(digest, sha256Claim)) {
      throw new Error(`Hash mismatch: the file's SHA-256 is ${digest.toString("base64")} but ${sha256Claim} was given.`);
    }
    const tx = this.opts.db.begin();
    const value: Record<string, string | number> = { sha256: digest.toString("base64"), size: bytes.byteLength };
    if (contentType) value.contentType = contentType;
    const storageId = tx.systemInsert(STORAGE_TABLE, value);
    const key = this.opts.keys.urlKey(storageId);
    this.opts.blobs.put(key, bytes, { storageId, contentType: contentType || null, sha256: value.sha256 as string, size: bytes.byteLength });
    try {
      this.opts.db.commit(tx);
    } catch (e) {
      this.opts.blobs.delete(key);
      throw e;
    }
    return storageId;
  }

  async download(urlKey: string): Promise<StoredFile | null> {
    const blob = this.opts.blobs.get(urlKey);
    if (!blob) return null;
    if (!this.fileDocument(this.opts.db.begin(), blob.meta.storageId, "getUrl")) return null;
    return { ...blob.meta, bytes: blob.bytes };
  }

  getUrl(tx: PlatformTransaction, storageId: string): string | null {
    const doc = this.fileDocument(tx, storageId, "getUrl");
    return doc ? `${this.base}/api/storage/${this.opts.keys.urlKey(doc._id)}` : null;
  }

  getMetadata(tx: PlatformTransaction, storageId: string): FileMetadataJson | null {
    const doc = this.fileDocument(tx, storageId, "getMetadata");
    if (!doc) return null;
    return {
      storageId: doc._id,
      sha256: Buffer.from(doc.sha256 as string, "base64").toString("hex"),
      size: doc.size as number,
      contentType: (doc.contentType as string | undefined) ?? null,
    };
  }

  /** Deletes within the caller's transaction; the blob goes when it commits. */
  delete(tx: PlatformTransaction, storageId: string): void {
    const doc = this.fileDocument(tx, storageId, "delete");
    if (doc) tx.systemDelete(doc._id);
  }

  /** The bytes and content type of a stored file, or null (`ctx.storage.get` in actions). */
  get(storageId: string): { bytes: Uint8Array; contentType: string | null } | null {
    const doc = this.fileDocument(this.opts.db.begin(), storageId, "get");
    if (!doc) return null;
    const blob = this.opts.blobs.get(this.opts.keys.urlKey(doc._id));
    return blob ? { bytes: blob.bytes, contentType: blob.meta.contentType } : null;
  }

  /** Removes every blob (sandbox reset). */
  clear(): void {
    this.opts.blobs.clear();
  }

  dispose(): void {
    this.unsubscribe();
  }

  private fileDocument(tx: PlatformTransaction, storageId: unknown, method: string): Document | null {
    if (typeof storageId !== "string") {
      throw new Error(`Invalid argument \`storageId\` for \`storage.${method}\`: expected a string, got ${typeof storageId}.`);
    }
    const id = tx.normalizeId(STORAGE_TABLE, storageId);
    if (id === null) {
      throw new Error(`Invalid argument \`storageId\` for \`storage.${method}\`: "${storageId}" is not an Id<"_storage">.`);
    }
    return tx.get(id, { isSystem: true });
  }
}

function matchesDigest(digest: Buffer, claim: string): boolean {
  const c = claim.trim();
  return c === digest.toString("base64") || c.toLowerCase() === digest.toString("hex") || c === digest.toString("base64url");
}
