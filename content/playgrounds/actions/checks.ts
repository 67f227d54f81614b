import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "refresh stores the forecast it fetched",
    async run(client) {
      const city = `Checkville ${Date.now()}`;
      const fetched = await client.action("weather:refresh", { city });
      const stored = await client.query("weather:latest", { city });
      if (stored === null) throw new Error(`After weather:refresh, weather:latest({ city: "${city}" }) is still null. Save the forecast with ctx.runMutation.`);
      if (stored.temperatureC !== fetched?.temperatureC || stored.conditions !== fetched?.conditions) {
        throw new Error(`The stored forecast ${JSON.stringify(stored)} differs from the fetched one ${JSON.stringify(fetched)}.`);
      }
    },
  },
]);
