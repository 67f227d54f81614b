import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const add = mutation({
  args: { game: v.string(), player: v.string(), score: v.number() },
  handler: async (ctx, args) => {
    return await ctx.db.insert("scores", args);
  },
});

// Inserts 1,000 scores spread over ten games, to make the difference visible.
export const seed = mutation({
  args: {},
  handler: async (ctx) => {
    for (let i = 0; i < 1000; i++) {
      await ctx.db.insert("scores", { game: `game-${i % 10}`, player: `player-${i}`, score: (i * 37) % 1000 });
    }
  },
});

// The same question asked twice: how many scores does one game have?
// documentsRead is what each way of asking had to read.
export const compare = query({
  args: { game: v.string() },
  handler: async (ctx, args) => {
    const scanned = await ctx.db
      .query("scores")
      .filter((q) => q.eq(q.field("game"), args.game))
      .collect();
    const afterScan = (await ctx.meta.getTransactionMetrics()).documentsRead.used;

    const indexed = await ctx.db
      .query("scores")
      .withIndex("by_game", (q) => q.eq("game", args.game))
      .collect();
    const afterIndex = (await ctx.meta.getTransactionMetrics()).documentsRead.used;

    return {
      filter: { results: scanned.length, documentsRead: afterScan },
      withIndex: { results: indexed.length, documentsRead: afterIndex - afterScan },
    };
  },
});

// Exercise: scores of one game that are at least `min`, highest first.
export const topScores = query({
  args: { game: v.string(), min: v.number() },
  handler: async (ctx, args) => {
    const scores = await ctx.db
      .query("scores")
      .withIndex("by_game_and_score", (q) => q.eq("game", args.game).gte("score", args.min))
      .order("desc")
      .collect();
    return scores.map((s) => s.score);
  },
});
