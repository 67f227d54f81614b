import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "list gives each file a working URL, its size and content type",
    async run(client) {
      const name = `check-${Date.now()}.txt`;
      const text = "hello from the storage check";
      await client.action("files:storeText", { name, text });
      const files = (await client.query("files:list", {})) as Array<{ name: string; url: string | null; size: number | null; contentType: string | null }>;
      const file = files.find((f) => f.name === name);
      if (!file) throw new Error(`files:list does not include ${name}.`);
      if (typeof file.url !== "string" || !/^https?:\/\//.test(file.url)) {
        throw new Error(`The file's url is ${JSON.stringify(file.url)}; use ctx.storage.getUrl(storageId) to get an absolute URL.`);
      }
      const downloaded = await client.action("files:download", { url: file.url });
      if (downloaded.status !== 200 || downloaded.body !== text) {
        throw new Error(`Downloading the url gave HTTP ${downloaded.status} with ${JSON.stringify(downloaded.body.slice(0, 80))}; expected the stored text.`);
      }
      if (file.size !== text.length) throw new Error(`size is ${JSON.stringify(file.size)}; expected ${text.length} (read it from ctx.db.system.get("_storage", id)).`);
      if (file.contentType !== "text/plain") throw new Error(`contentType is ${JSON.stringify(file.contentType)}; expected "text/plain".`);
    },
  },
]);
