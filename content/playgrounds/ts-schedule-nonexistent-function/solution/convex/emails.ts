import { v } from "convex/values";
import { internalAction } from "./_generated/server";
import { internal } from "./_generated/api";

// Exported, so Convex registers it and internal.emails.sendWelcome points at it.
export const sendWelcome = internalAction({
  args: { userId: v.id("users"), email: v.string() },
  handler: async (ctx, { userId, email }) => {
    const response = await fetch("https://api.example-mail.test/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ to: email, subject: "Welcome aboard" }),
    });
    if (!response.ok) throw new Error(`The mail API answered ${response.status}.`);
    await ctx.runMutation(internal.users.markWelcomed, { userId });
  },
});
