import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "a week of March 2026 exports as seven CSV lines",
    async run(client) {
      let csv: string;
      try {
        csv = (await client.action("calendar:exportCsv", { from: "2026-03-01", to: "2026-03-07" })) as string;
      } catch (error) {
        throw new Error(`calendar:exportCsv failed for one week: ${(error as Error).message}`);
      }
      const expected = [
        "date,weekday,free_hours",
        "2026-03-01,0,8",
        "2026-03-02,1,8",
        "2026-03-03,2,8",
        "2026-03-04,3,8",
        "2026-03-05,4,8",
        "2026-03-06,5,8",
        "2026-03-07,6,8",
      ].join("\n");
      if (csv !== expected) throw new Error(`The export was:\n${csv.slice(0, 400)}\nexpected:\n${expected}`);
    },
  },
]);
