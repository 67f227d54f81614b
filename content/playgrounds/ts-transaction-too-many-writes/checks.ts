import { defineChecks } from "../../../src/lib/checks";

// 160 rows of 100 seats: with the venue itself, 16,001 documents, one more than a mutation may write.
const ROWS = 160;
const SEATS_PER_ROW = 100;

export default defineChecks([
  {
    name: "a venue with 16,000 seats gets its whole seating plan",
    async run(client) {
      let venueId: string;
      try {
        venueId = await client.mutation("venues:create", { name: "Arena", rows: ROWS, seatsPerRow: SEATS_PER_ROW });
      } catch (error) {
        throw new Error(`venues:create failed: ${(error as Error).message}`);
      }
      const deadline = Date.now() + 30_000;
      for (;;) {
        const venue = await client.query("seating:venue", { venueId });
        if (venue?.seatsCreated === ROWS * SEATS_PER_ROW) break;
        if (Date.now() > deadline) {
          throw new Error(`After 30 s the venue has ${venue?.seatsCreated ?? 0} of ${ROWS * SEATS_PER_ROW} seats.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const lastSeat = await client.query("seating:seat", { venueId, row: ROWS, number: SEATS_PER_ROW });
      if (lastSeat === null) throw new Error(`Seat ${SEATS_PER_ROW} of row ${ROWS} was not created.`);
    },
  },
]);
