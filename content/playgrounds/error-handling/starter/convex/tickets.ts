import { ConvexError, v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const createEvent = mutation({
  args: { name: v.string(), seats: v.number() },
  handler: async (ctx, args) => ctx.db.insert("events", { name: args.name, seatsLeft: args.seats }),
});

export const seatsLeft = query({
  args: { event: v.string() },
  handler: async (ctx, args) => {
    const event = await ctx.db
      .query("events")
      .withIndex("by_name", (q) => q.eq("name", args.event))
      .unique();
    if (event === null) throw new ConvexError({ code: "NOT_FOUND", event: args.event });
    return event.seatsLeft;
  },
});

// Exercise: when there are not enough seats, throw a ConvexError whose data is
// { code: "SOLD_OUT", seatsLeft: <number> } so the client can tell the user.
export const buy = mutation({
  args: { event: v.string(), quantity: v.number() },
  handler: async (ctx, args) => {
    const event = await ctx.db
      .query("events")
      .withIndex("by_name", (q) => q.eq("name", args.event))
      .unique();
    if (event === null) throw new ConvexError({ code: "NOT_FOUND", event: args.event });
    if (event.seatsLeft < args.quantity) {
      throw new Error("Not enough seats");
    }
    await ctx.db.patch("events", event._id, { seatsLeft: event.seatsLeft - args.quantity });
  },
});
