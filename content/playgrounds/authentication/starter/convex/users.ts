import { mutation, query, type QueryCtx } from "./_generated/server";

// The signed-in user's document, or null. tokenIdentifier is unique per user
// and per identity provider, so it is the right key for a users table.
export async function currentUser(ctx: QueryCtx) {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return null;
  return await ctx.db
    .query("users")
    .withIndex("by_token", (q) => q.eq("tokenIdentifier", identity.tokenIdentifier))
    .unique();
}

export const me = query({
  args: {},
  handler: async (ctx) => currentUser(ctx),
});

// Called by the client after sign-in: creates the user's document once.
export const store = mutation({
  args: {},
  handler: async (ctx) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) throw new Error("Not signed in: store needs an identity.");
    const existing = await currentUser(ctx);
    if (existing !== null) return existing._id;
    return await ctx.db.insert("users", {
      tokenIdentifier: identity.tokenIdentifier,
      name: identity.name ?? "Anonymous",
    });
  },
});
