/**
 * The functions folder the server tests serve, and a polling helper. Kept
 * apart from the server so jsdom test files can import it.
 */
import { anyApi } from "convex/server";

export const api = anyApi;

export const COUNTER_FILES: Record<string, string> = {
  "schema.ts": `
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
export default defineSchema({
  counters: defineTable({ name: v.string(), value: v.number() }).index("by_name", ["name"]),
  notes: defineTable({ text: v.string() }),
});
`,
  "counters.ts": `
import { v, ConvexError } from "convex/values";
import { query, mutation, action, internalQuery } from "./_generated/server";
import { api } from "./_generated/api";

export const get = query({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const row = await ctx.db.query("counters").withIndex("by_name", (q) => q.eq("name", name)).unique();
    console.log("reading", name);
    return row?.value ?? 0;
  },
});

export const increment = mutation({
  args: { name: v.string(), by: v.optional(v.number()) },
  handler: async (ctx, { name, by }) => {
    const row = await ctx.db.query("counters").withIndex("by_name", (q) => q.eq("name", name)).unique();
    const step = by ?? 1;
    if (row) {
      await ctx.db.patch(row._id, { value: row.value + step });
      return row.value + step;
    }
    await ctx.db.insert("counters", { name, value: step });
    return step;
  },
});

export const fail = mutation({
  args: {},
  handler: async () => {
    throw new ConvexError({ code: "NOPE", detail: 42 });
  },
});

export const big = query({
  args: { n: v.number() },
  handler: async (_ctx, { n }) => "x".repeat(n),
});

export const addNote = mutation({
  args: { text: v.string() },
  handler: async (ctx, { text }) => ctx.db.insert("notes", { text }),
});

export const notes = query({
  args: {},
  handler: async (ctx) => (await ctx.db.query("notes").collect()).map((n) => n.text),
});

export const whoami = query({
  args: {},
  handler: async (ctx) => (await ctx.auth.getUserIdentity())?.subject ?? null,
});

export const secret = internalQuery({ args: {}, handler: async () => "internal" });

export const double = action({
  args: { name: v.string() },
  handler: async (ctx, { name }): Promise<number> => {
    const value: number = await ctx.runQuery(api.counters.get, { name });
    return value * 2;
  },
});

export const int64 = query({ args: {}, handler: async () => ({ big: 5n, bytes: new Uint8Array([1, 2, 3]).buffer }) });
`,
};

/** Resolves when `check` returns true, polling; rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
