import { v } from "convex/values";
import { mutation } from "./_generated/server";

// Creates a venue and its whole seating plan in one mutation.
export const create = mutation({
  args: { name: v.string(), rows: v.number(), seatsPerRow: v.number() },
  handler: async (ctx, { name, rows, seatsPerRow }) => {
    const venueId = await ctx.db.insert("venues", { name, rows, seatsPerRow, seatsCreated: 0 });
    for (let row = 1; row <= rows; row++) {
      for (let number = 1; number <= seatsPerRow; number++) {
        await ctx.db.insert("seats", { venueId, row, number });
      }
    }
    await ctx.db.patch(venueId, { seatsCreated: rows * seatsPerRow });
    return venueId;
  },
});
