import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  scores: defineTable({
    game: v.string(),
    player: v.string(),
    score: v.number(),
  }).index("by_game", ["game"]),
  // Exercise: add a compound index on game, then score.
});
