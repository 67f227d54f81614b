import { v } from "convex/values";
import { action, internalMutation, query } from "./_generated/server";
import { internal } from "./_generated/api";

// A pretend third-party API that the sandbox serves offline.
const FORECAST_URL = "https://api.example-weather.test/forecast";

export const latest = query({
  args: { city: v.string() },
  handler: async (ctx, args) => {
    return await ctx.db
      .query("forecasts")
      .withIndex("by_city", (q) => q.eq("city", args.city))
      .order("desc")
      .first();
  },
});

export const save = internalMutation({
  args: { city: v.string(), temperatureC: v.number(), conditions: v.string() },
  handler: async (ctx, args) => {
    await ctx.db.insert("forecasts", args);
  },
});

// Actions may call the outside world; they reach the database through
// queries and mutations.
export const refresh = action({
  args: { city: v.string() },
  handler: async (ctx, args): Promise<{ temperatureC: number; conditions: string }> => {
    const response = await fetch(`${FORECAST_URL}?city=${encodeURIComponent(args.city)}`);
    if (!response.ok) throw new Error(`Forecast service answered ${response.status}`);
    const forecast = (await response.json()) as { temperatureC: number; conditions: string };
    // Exercise: store the forecast with the internal `save` mutation.
    return { temperatureC: forecast.temperatureC, conditions: forecast.conditions };
  },
});
