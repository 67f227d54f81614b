import { defineChecks, type CheckClient } from "../../../src/lib/checks";

async function monthsToGoal(client: CheckClient, args: { target: number; saved: number; monthly: number }) {
  try {
    return await client.query("savings:monthsToGoal", args);
  } catch (error) {
    throw new Error(`savings:monthsToGoal failed for ${JSON.stringify(args)}: ${(error as Error).message}`);
  }
}

export default defineChecks([
  {
    name: "savings:monthsToGoal counts the deposits still needed",
    async run(client) {
      const months = await monthsToGoal(client, { target: 500, saved: 120, monthly: 50 });
      if (months !== 8) throw new Error(`Saving 50 a month from 120 toward 500 takes 8 months, got ${JSON.stringify(months)}.`);
    },
  },
  {
    name: "savings:monthsToGoal answers null when nothing is deposited each month",
    async run(client) {
      const months = await monthsToGoal(client, { target: 500, saved: 120, monthly: 0 });
      if (months !== null) throw new Error(`A goal with no monthly deposit is never reached: expected null, got ${JSON.stringify(months)}.`);
    },
  },
]);
