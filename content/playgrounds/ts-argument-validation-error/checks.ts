import { defineChecks, type CheckClient } from "../../../src/lib/checks";

async function taskAt(client: CheckClient, id: string) {
  try {
    return await client.query("tasks:get", { id });
  } catch (error) {
    throw new Error(`tasks:get failed for the URL /tasks/${id}: ${(error as Error).message}`);
  }
}

export default defineChecks([
  {
    name: "tasks:get finds a task by the ID in its URL",
    async run(client) {
      const id = await client.mutation("tasks:add", { text: "water the plants" });
      const task = await taskAt(client, id);
      if (task?.text !== "water the plants") throw new Error(`tasks:get should return the task, got ${JSON.stringify(task)}.`);
    },
  },
  {
    name: "tasks:get answers null for a URL that holds no task ID",
    async run(client) {
      const task = await taskAt(client, "welcome");
      if (task !== null) throw new Error(`tasks:get should return null for /tasks/welcome, got ${JSON.stringify(task)}.`);
    },
  },
]);
