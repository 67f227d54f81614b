import { mutation, query } from "./_generated/server";

// Date.now() is fixed for the whole call: both readings are equal.
export const frozenClock = query({
  args: {},
  handler: async () => {
    const first = Date.now();
    let spin = 0;
    for (let i = 0; i < 5_000_000; i++) spin += i;
    return { first, second: Date.now(), spin };
  },
});

// Math.random() works in mutations; it is seeded per call, so a retried
// mutation makes the same choices.
export const rollDice = mutation({
  args: {},
  handler: async () => 1 + Math.floor(Math.random() * 6),
});

// Side effects are refused: run this to read the error.
export const fetchFromMutation = mutation({
  args: {},
  handler: async () => {
    const response = await fetch("https://api.example-weather.test/forecast?city=Oslo");
    return await response.json();
  },
});
