import { defineChecks } from "../../../src/lib/checks";

type Upload = { status: number; body: string; size: number };

export default defineChecks([
  {
    name: "POST /avatars stores the image with its content type",
    async run(client) {
      const upload: Upload = await client.action("uploads:tryUpload", { siteUrl: client.siteUrl });
      if (upload.status !== 200) throw new Error(`POST /avatars answered ${upload.status}: ${upload.body}`);
      const { storageId } = JSON.parse(upload.body) as { storageId: string };
      const file = await client.query("uploads:fileInfo", { storageId });
      if (file === null) throw new Error("POST /avatars answered a storage ID that names no stored file.");
      if (file.contentType !== "image/png" || file.size !== upload.size) {
        throw new Error(`The stored file should be the ${upload.size}-byte image/png that was posted; got ${file.size} bytes of ${file.contentType}.`);
      }
    },
  },
]);
