import { defineChecks } from "../../../src/lib/checks";
import type { CheckClient } from "../../../src/lib/checks";

async function summary(client: CheckClient): Promise<{ open: number; total: number }> {
  let text: unknown;
  try {
    text = await client.action("reports:summarize", {});
  } catch (error) {
    throw new Error(`reports:summarize failed: ${(error as Error).message}`);
  }
  const match = /^(\d+) of (\d+) tasks open$/.exec(String(text));
  if (match === null) throw new Error(`reports:summarize should return "<open> of <total> tasks open", got ${JSON.stringify(text)}.`);
  return { open: Number(match[1]), total: Number(match[2]) };
}

export default defineChecks([
  {
    name: "reports:summarize counts the open tasks",
    async run(client) {
      const before = await summary(client);
      await client.mutation("reports:addTask", { text: "write", done: false });
      await client.mutation("reports:addTask", { text: "read", done: true });
      const after = await summary(client);
      if (after.open !== before.open + 1 || after.total !== before.total + 2) {
        throw new Error(`After adding one open and one done task, expected ${before.open + 1} of ${before.total + 2}, got ${after.open} of ${after.total}.`);
      }
    },
  },
]);
