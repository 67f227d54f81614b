import { defineChecks } from "../../../src/lib/checks";

export default defineChecks([
  {
    name: "latest returns exactly `count` books, newest first",
    async run(client) {
      const stamp = Date.now();
      const titles = ["first", "second", "third"].map((word) => `${word} ${stamp}`);
      for (const [i, title] of titles.entries()) {
        await client.mutation("books:add", { title, author: "Check", isbn: `check-${stamp}-${i}` });
      }
      const books = await client.query("books:latest", { count: 2 });
      if (!Array.isArray(books)) throw new Error("books:latest should return an array of books.");
      if (books.length !== 2) throw new Error(`books:latest({ count: 2 }) returned ${books.length} books instead of 2.`);
      const got = books.map((book: { title: string }) => book.title);
      if (got[0] !== titles[2] || got[1] !== titles[1]) {
        throw new Error(`Expected ["${titles[2]}", "${titles[1]}"] (newest first), got ${JSON.stringify(got)}.`);
      }
    },
  },
]);
