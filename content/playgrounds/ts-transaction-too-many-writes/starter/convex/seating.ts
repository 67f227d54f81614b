import { v } from "convex/values";
import { query } from "./_generated/server";

export const venue = query({
  args: { venueId: v.id("venues") },
  handler: async (ctx, { venueId }) => await ctx.db.get(venueId),
});

export const seat = query({
  args: { venueId: v.id("venues"), row: v.number(), number: v.number() },
  handler: async (ctx, { venueId, row, number }) =>
    await ctx.db
      .query("seats")
      .withIndex("by_venue_seat", (q) => q.eq("venueId", venueId).eq("row", row).eq("number", number))
      .unique(),
});
