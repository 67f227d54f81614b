import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "authorFromUrl finds an author by its ID string",
    async run(client) {
      const id = await client.mutation("links:addAuthor", { name: "Check Author" });
      const author = await client.query("links:authorFromUrl", { id });
      if (author?.name !== "Check Author") throw new Error(`authorFromUrl("${id}") returned ${JSON.stringify(author)}; expected the author.`);
    },
  },
  {
    name: "authorFromUrl returns null for other tables' IDs and for garbage",
    async run(client) {
      const authorId = await client.mutation("links:addAuthor", { name: "Check Writer" });
      const articleId = await client.mutation("links:addArticle", { title: "Check Article", author: authorId });
      const fromArticle = await client.query("links:authorFromUrl", { id: articleId });
      if (fromArticle !== null) throw new Error("An article's ID should not be accepted as an author ID.");
      const fromGarbage = await client.query("links:authorFromUrl", { id: "not-an-id" });
      if (fromGarbage !== null) throw new Error('authorFromUrl("not-an-id") should return null.');
    },
  },
]);
