import { defineChecks } from "../../../src/lib/checks";

// 4 batches of 5 articles of about 900 KB: some 18 MB, more than one query may read (16 MiB).
const BATCHES = 4;
const PER_BATCH = 5;
const TOTAL = BATCHES * PER_BATCH;
const PAGE = 5;

interface Page {
  page: Array<{ title: string; preview: string }>;
  isDone: boolean;
  continueCursor: string;
}

export default defineChecks([
  {
    name: "the list pages through 20 long articles, newest first",
    async run(client) {
      for (let b = 0; b < BATCHES; b++) {
        await client.mutation("seed:addBatch", { from: b * PER_BATCH + 1, count: PER_BATCH });
      }
      const titles: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages <= TOTAL / PAGE; pages++) {
        let result: Page;
        try {
          result = (await client.query("articles:list", { paginationOpts: { numItems: PAGE, cursor } })) as Page;
        } catch (error) {
          throw new Error(`articles:list failed with ${TOTAL} articles in the table: ${(error as Error).message}`);
        }
        titles.push(...result.page.map((article) => article.title));
        if (result.isDone) break;
        cursor = result.continueCursor;
      }
      const expected = Array.from({ length: TOTAL }, (_, i) => `Article ${TOTAL - i}`);
      if (JSON.stringify(titles) !== JSON.stringify(expected)) {
        throw new Error(`The pages listed ${JSON.stringify(titles)}; expected ${JSON.stringify(expected)}.`);
      }
    },
  },
]);
