import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createPlatformDeployment, type PlatformDeployment } from "../../../src/sandbox/platform/attach.js";
import type { Commit } from "../../../src/sandbox/database/types.js";
import { platformFiles } from "./fixtures.js";

const files = { "files.ts": platformFiles["files.ts"] };

const dirs: string[] = [];
let deployment: PlatformDeployment | null = null;
afterEach(async () => {
  await deployment?.dispose();
  deployment = null;
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const bytes = new TextEncoder().encode("hello, storage");


async function upload(d: PlatformDeployment, contentType = "text/plain"): Promise<string> {
  const url = (await d.runMutation({ path: "files:uploadUrl", args: {} })).value as string;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3210\/api\/storage\/upload\?token=/);
  const token = new URL(url).searchParams.get("token")!;
  return (await d.storage!.upload(token, bytes, contentType, null)).storageId;
}

describe("file storage through the deployment API", () => {
  it("upload URL → storageId → getUrl serves the bytes; metadata and the _storage document", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const id = await upload(d);
    const url = (await d.runQuery({ path: "files:url", args: { id } })).value as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3210\/api\/storage\/[0-9a-f-]{36}$/);
    const file = await d.storage!.download(url.split("/").pop()!);
    expect(Buffer.from(file!.bytes).toString()).toBe("hello, storage");
    expect(file!.contentType).toBe("text/plain");
    const sha = createHash("sha256").update(bytes).digest();
    expect((await d.runQuery({ path: "files:meta", args: { id } })).value).toEqual({
      storageId: id,
      sha256: sha.toString("hex"),
      size: bytes.byteLength,
      contentType: "text/plain",
    });
    expect((await d.runQuery({ path: "files:doc", args: { id } })).value).toMatchObject({
      _id: id,
      sha256: sha.toString("base64"),
      size: bytes.byteLength,
      contentType: "text/plain",
    });
    expect((await d.runMutation({ path: "files:remove", args: { id } })).status).toBe("success");
    expect((await d.runQuery({ path: "files:url", args: { id } })).value).toBeNull();
    expect((await d.runQuery({ path: "files:meta", args: { id } })).value).toBeNull();
    expect(await d.storage!.download(url.split("/").pop()!)).toBeNull();
  });

  it("checks tokens, digests and the size limit with clear errors", async () => {
    deployment = await createPlatformDeployment({ files, platform: { maxFileBytes: 8 } });
    const d = deployment;
    const url = (await d.runMutation({ path: "files:uploadUrl", args: {} })).value as string;
    const token = new URL(url).searchParams.get("token")!;
    await expect(d.storage!.upload("forged.token.value", bytes, null, null)).rejects.toThrow(/Invalid upload token/);
    await expect(d.storage!.upload(token, bytes, null, null)).rejects.toThrow(
      "The file is 14 bytes, larger than this sandbox's limit of 8 bytes per file.",
    );
    await expect(d.storage!.upload(token, new Uint8Array([1]), null, "sha-256=AAAA")).rejects.toThrow(/Hash mismatch/);
    const digest = createHash("sha256").update(new Uint8Array([1])).digest("base64");
    expect((await d.storage!.upload(token, new Uint8Array([1]), null, `sha-256=${digest}`)).storageId).toBeTypeOf("string");
  });

  it("store() is refused in mutations", async () => {
    deployment = await createPlatformDeployment({ files });
    const refused = await deployment.runMutation({ path: "files:storeInMutation", args: {} });
    expect(refused.errorMessage).toContain("Can't use storage.store() in queries and mutations");
  });

  it("store() in an action refuses what is not a Blob (a Request, a string), as Convex does", async () => {
    deployment = await createPlatformDeployment({ files });
    for (const kind of ["request", "string"]) {
      const refused = await deployment.runAction({ path: "files:storeNotABlob", args: { kind } });
      expect(refused.errorMessage).toContain(
        "store() expects a Blob. If you are trying to store a Request, `await request.blob()` will give you the correct input.",
      );
    }
  });

  it("store/get in actions and fetch() of the file's own URL", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const stored = await d.runAction({ path: "files:storeText", args: { text: "from an action" } });
    expect(stored.status, stored.errorMessage).toBe("success");
    const id = stored.value as string;
    expect((await d.runAction({ path: "files:readText", args: { id } })).value).toEqual({ text: "from an action", type: "text/plain" });
    expect((await d.runAction({ path: "files:fetchOwnUrl", args: { id } })).value).toEqual({ status: 200, type: "text/plain", text: "from an action" });
  });

  it("a sandbox reset removes the files with the data", async () => {
    deployment = await createPlatformDeployment({ files });
    const d = deployment;
    const id = await upload(d);
    const key = ((await d.runQuery({ path: "files:url", args: { id } })).value as string).split("/").pop()!;
    await d.reset();
    expect(await d.storage.download(key)).toBeNull();
    expect((await d.runQuery({ path: "files:url", args: { id } })).value).toBeNull();
  });

  it("blobs persist in the data folder with the commit log", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "platform-storage-"));
    dirs.push(dataDir);
    const commits: Commit[] = [];
    const commitLog = { append: (c: Commit) => void commits.push(c), load: () => [...commits], clear: () => void (commits.length = 0) };
    const first = await createPlatformDeployment({ files, commitLog, dataDir });
    const id = await upload(first, "application/octet-stream");
    const url = (await first.runQuery({ path: "files:url", args: { id } })).value as string;
    await first.dispose();
    deployment = await createPlatformDeployment({ files, commitLog, dataDir });
    expect((await deployment.runQuery({ path: "files:url", args: { id } })).value).toBe(url);
    const file = await deployment.storage!.download(url.split("/").pop()!);
    expect(Buffer.from(file!.bytes).toString()).toBe("hello, storage");
  });
});
