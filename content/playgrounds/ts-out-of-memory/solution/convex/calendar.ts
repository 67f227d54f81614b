import { v } from "convex/values";
import { action } from "./_generated/server";

const DAY = 24 * 60 * 60 * 1000;

// A CSV with one line per day from `from` to `to` (ISO dates, both included):
// the date, its weekday (0 = Sunday) and 8 free hours.
export const exportCsv = action({
  args: { from: v.string(), to: v.string() },
  handler: async (_ctx, { from, to }) => {
    const end = Date.parse(to);
    const lines = ["date,weekday,free_hours"];
    // `t += DAY`: the loop moves to the next day (`t + DAY` computed it and dropped it).
    for (let t = Date.parse(from); t <= end; t += DAY) {
      const day = new Date(t);
      lines.push(`${day.toISOString().slice(0, 10)},${day.getUTCDay()},8`);
    }
    return lines.join("\n");
  },
});
