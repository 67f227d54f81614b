import { defineChecks, type CheckClient } from "../../../src/lib/checks";

async function createTask(client: CheckClient, dueAt: number): Promise<string> {
  try {
    return await client.mutation("tasks:create", { title: "Send the invoice", dueAt });
  } catch (error) {
    throw new Error(`tasks:create failed: ${(error as Error).message}`);
  }
}

export default defineChecks([
  {
    name: "an overdue task is saved and its reminder goes out right away",
    async run(client) {
      const taskId = await createTask(client, Date.now() - 60 * 60 * 1000);
      const deadline = Date.now() + 5_000;
      for (;;) {
        const task = await client.query("tasks:get", { taskId });
        if (typeof task?.remindedAt === "number") return;
        if (Date.now() > deadline) throw new Error("The overdue task's reminder never ran (reminders:send did not set remindedAt).");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  },
  {
    name: "a task due tomorrow is not reminded yet",
    async run(client) {
      const taskId = await createTask(client, Date.now() + 24 * 60 * 60 * 1000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const task = await client.query("tasks:get", { taskId });
      if (task === null) throw new Error("tasks:get found no task for the ID tasks:create returned.");
      if (task.remindedAt !== undefined) throw new Error("A task due tomorrow was reminded already: schedule the reminder for its deadline.");
    },
  },
]);
