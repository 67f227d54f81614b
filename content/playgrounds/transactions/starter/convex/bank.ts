import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const openAccount = mutation({
  args: { owner: v.string(), balance: v.number() },
  handler: async (ctx, args) => ctx.db.insert("accounts", args),
});

export const balance = query({
  args: { id: v.id("accounts") },
  handler: async (ctx, args) => (await ctx.db.get("accounts", args.id))?.balance ?? null,
});

// Read-modify-write: safe under concurrency, because a mutation that read a
// value someone else changed meanwhile is retried on the new value.
export const increment = mutation({
  args: { name: v.string() },
  handler: async (ctx, args) => {
    const counter = await ctx.db
      .query("counters")
      .withIndex("by_name", (q) => q.eq("name", args.name))
      .unique();
    if (counter === null) {
      await ctx.db.insert("counters", { name: args.name, value: 1 });
      return 1;
    }
    await ctx.db.patch("counters", counter._id, { value: counter.value + 1 });
    return counter.value + 1;
  },
});

// Exercise: refuse transfers that would overdraw `from`, leaving both balances untouched.
export const transfer = mutation({
  args: { from: v.id("accounts"), to: v.id("accounts"), amount: v.number() },
  handler: async (ctx, args) => {
    const from = await ctx.db.get("accounts", args.from);
    const to = await ctx.db.get("accounts", args.to);
    if (from === null || to === null) throw new Error("Unknown account");
    await ctx.db.patch("accounts", from._id, { balance: from.balance - args.amount });
    await ctx.db.patch("accounts", to._id, { balance: to.balance + args.amount });
    // TODO: the transfer must fail when `from` does not have enough money.
  },
});
