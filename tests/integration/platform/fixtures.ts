/** A functions folder exercising HTTP actions, auth, fetch and crons, shared by the platform tests. */
export const platformFiles: Record<string, string> = {
  "auth.config.ts": `export default {
  providers: [{ domain: process.env.CONVEX_CLOUD_URL!, applicationID: "convex" }],
};`,
  "schema.ts": `import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({
  messages: defineTable({ body: v.string(), author: v.string() }),
  ticks: defineTable({ n: v.number() }),
});`,
  "messages.ts": `import { query, mutation, internalMutation, action } from "./_generated/server";
import { v } from "convex/values";
export const list = query({ args: {}, handler: async (ctx) => (await ctx.db.query("messages").collect()).map((m) => m.body) });
export const send = mutation({ args: { body: v.string() }, handler: async (ctx, { body }) => {
  const identity = await ctx.auth.getUserIdentity();
  return await ctx.db.insert("messages", { body, author: identity?.tokenIdentifier ?? "anonymous" });
}});
export const whoami = query({ args: {}, handler: async (ctx) => ctx.auth.getUserIdentity() });
export const tick = internalMutation({ args: { n: v.number() }, handler: async (ctx, { n }) => {
  console.log("tick", n);
  await ctx.db.insert("ticks", { n });
}});
export const ticks = query({ args: {}, handler: async (ctx) => (await ctx.db.query("ticks").collect()).length });
export const emailWelcome = action({ args: { to: v.string() }, handler: async (ctx, { to }) => {
  const res = await fetch("https://api.example-mail.test/send", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ to, subject: "Welcome", text: "Hello!" }),
  });
  return { status: res.status, body: await res.json() };
}});
export const fetchPrivate = action({ args: { url: v.string() }, handler: async (ctx, { url }) => {
  const res = await fetch(url);
  return res.status;
}});
export const fetchOwnSite = action({ args: { siteUrl: v.string() }, handler: async (ctx, { siteUrl }) => {
  const res = await fetch(siteUrl + "/hello");
  return await res.text();
}});
`,
  "crons.ts": `import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";
const crons = cronJobs();
crons.interval("tick every second", { seconds: 1 }, internal.messages.tick, { n: 1 });
export default crons;`,
  "http.ts": `import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";
import { api } from "./_generated/api";
const http = httpRouter();
http.route({ path: "/hello", method: "GET", handler: httpAction(async (ctx) => {
  const identity = await ctx.auth.getUserIdentity();
  return new Response(identity ? "hello " + identity.subject : "hello stranger", { headers: { "content-type": "text/plain" } });
})});
http.route({ path: "/messages", method: "POST", handler: httpAction(async (ctx, req) => {
  const { body } = await req.json();
  await ctx.runMutation(api.messages.send, { body });
  const all = await ctx.runQuery(api.messages.list, {});
  return new Response(JSON.stringify(all), {
    status: 201,
    headers: { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" },
  });
})});
http.route({ path: "/messages", method: "OPTIONS", handler: httpAction(async () => new Response(null, {
  status: 204,
  headers: {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST",
    "Access-Control-Allow-Headers": "Content-Type",
  },
}))});
http.route({ path: "/no-cors", method: "POST", handler: httpAction(async () => new Response("made it")) });
http.route({ pathPrefix: "/files/", method: "GET", handler: httpAction(async (ctx, req) => new Response("file " + new URL(req.url).pathname)) });
http.route({ path: "/boom", method: "GET", handler: httpAction(async () => { throw new Error("kaboom"); }) });
export default http;`,
  "files.ts": `import { mutation, query, action } from "./_generated/server";
import { v } from "convex/values";
export const uploadUrl = mutation({ args: {}, handler: async (ctx) => ctx.storage.generateUploadUrl() });
export const url = query({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => ctx.storage.getUrl(id) });
export const meta = query({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => ctx.storage.getMetadata(id) });
export const doc = query({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => ctx.db.system.get(id) });
export const remove = mutation({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => ctx.storage.delete(id) });
export const storeText = action({ args: { text: v.string() }, handler: async (ctx, { text }) =>
  ctx.storage.store(new Blob([text], { type: "text/plain" })) });
export const readText = action({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => {
  const blob = await ctx.storage.get(id);
  return blob === null ? null : { text: await blob.text(), type: blob.type };
}});
export const fetchOwnUrl = action({ args: { id: v.id("_storage") }, handler: async (ctx, { id }) => {
  const url = await ctx.storage.getUrl(id);
  const res = await fetch(url!);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}});
export const storeNotABlob = action({ args: { kind: v.string() }, handler: async (ctx, { kind }) =>
  ctx.storage.store((kind === "request" ? new Request("https://app.example.test/upload", { method: "POST", body: "x" }) : "x") as any) });
export const storeInMutation = mutation({ args: {}, handler: async (ctx) => (ctx.storage as any).store(new Blob(["x"])) });
`,

  "jobs.ts": `import { mutation, query } from "./_generated/server";
import { internal } from "./_generated/api";
import { v } from "convex/values";
export const later = mutation({ args: { n: v.number(), delayMs: v.number() }, handler: async (ctx, { n, delayMs }) =>
  ctx.scheduler.runAfter(delayMs, internal.messages.tick, { n }) });
export const list = query({ args: {}, handler: async (ctx) =>
  (await ctx.db.system.query("_scheduled_functions").collect()).map((j) => ({ id: j._id, name: j.name, state: j.state.kind })) });
`,
};

/** Polls `read` until `done` holds or `ms` pass; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}
