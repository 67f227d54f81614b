import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  authors: defineTable({ name: v.string() }),
  articles: defineTable({ title: v.string(), author: v.id("authors") }),
});
