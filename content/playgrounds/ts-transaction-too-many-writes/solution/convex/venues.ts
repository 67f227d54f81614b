import { v } from "convex/values";
import { internalMutation, mutation } from "./_generated/server";
import { internal } from "./_generated/api";

const ROWS_PER_BATCH = 10;

// Creates the venue, then builds its seating plan in batches, one transaction each.
export const create = mutation({
  args: { name: v.string(), rows: v.number(), seatsPerRow: v.number() },
  handler: async (ctx, { name, rows, seatsPerRow }) => {
    const venueId = await ctx.db.insert("venues", { name, rows, seatsPerRow, seatsCreated: 0 });
    await ctx.scheduler.runAfter(0, internal.venues.addSeatRows, { venueId, fromRow: 1 });
    return venueId;
  },
});

export const addSeatRows = internalMutation({
  args: { venueId: v.id("venues"), fromRow: v.number() },
  handler: async (ctx, { venueId, fromRow }) => {
    const venue = await ctx.db.get(venueId);
    if (venue === null) return;
    const lastRow = Math.min(venue.rows, fromRow + ROWS_PER_BATCH - 1);
    for (let row = fromRow; row <= lastRow; row++) {
      for (let number = 1; number <= venue.seatsPerRow; number++) {
        await ctx.db.insert("seats", { venueId, row, number });
      }
    }
    await ctx.db.patch(venueId, { seatsCreated: lastRow * venue.seatsPerRow });
    if (lastRow < venue.rows) {
      // More rows to do: continue in a fresh transaction.
      await ctx.scheduler.runAfter(0, internal.venues.addSeatRows, { venueId, fromRow: lastRow + 1 });
    }
  },
});
