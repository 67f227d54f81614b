import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  venues: defineTable({ name: v.string(), rows: v.number(), seatsPerRow: v.number(), seatsCreated: v.number() }),
  seats: defineTable({ venueId: v.id("venues"), row: v.number(), number: v.number() }).index("by_venue_seat", [
    "venueId",
    "row",
    "number",
  ]),
});
