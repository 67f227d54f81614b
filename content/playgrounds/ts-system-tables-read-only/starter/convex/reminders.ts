import { v } from "convex/values";
import { internalMutation, mutation } from "./_generated/server";
import { internal } from "./_generated/api";

export const schedule = mutation({
  args: { text: v.string(), inMinutes: v.number() },
  handler: async (ctx, { text, inMinutes }) => {
    const reminderId = await ctx.db.insert("reminders", { text });
    await ctx.scheduler.runAfter(inMinutes * 60_000, internal.reminders.send, { reminderId });
    return reminderId;
  },
});

export const send = internalMutation({
  args: { reminderId: v.id("reminders") },
  handler: async (ctx, { reminderId }) => {
    const reminder = await ctx.db.get(reminderId);
    if (reminder !== null) console.log(`Reminder: ${reminder.text}`);
  },
});
