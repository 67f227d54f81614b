import { defineChecks } from "../../../src/lib/checks";

type Page = { status: number; body: string };

export default defineChecks([
  {
    name: "GET /profiles/<handle> answers the profile",
    async run(client) {
      const handle = `ada${Date.now()}`;
      await client.mutation("profiles:create", { handle, name: "Ada Lovelace" });
      const page: Page = await client.action("profiles:openPage", { handle, siteUrl: client.siteUrl });
      if (page.status !== 200) throw new Error(`GET /profiles/${handle} answered ${page.status}:\n${page.body}`);
      const profile = JSON.parse(page.body) as { handle: string; name: string };
      if (profile.handle !== handle || profile.name !== "Ada Lovelace") {
        throw new Error(`GET /profiles/${handle} answered another profile: ${page.body}`);
      }
    },
  },
  {
    name: "an unknown handle gets the route's own 404",
    async run(client) {
      const page: Page = await client.action("profiles:openPage", { handle: `nobody${Date.now()}`, siteUrl: client.siteUrl });
      if (page.status !== 404 || page.body !== "No such profile") {
        throw new Error(`An unknown handle should answer 404 "No such profile" from the route; got ${page.status}:\n${page.body}`);
      }
    },
  },
]);
