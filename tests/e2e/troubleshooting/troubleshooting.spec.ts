import { expect, test, type Page } from "@playwright/test";

/** Opens the index and waits until the finder has hydrated and loaded its index: typing earlier would be lost. */
async function openFinder(page: Page): Promise<void> {
  await page.goto("/troubleshooting/");
  await expect(page.getByTestId("troubleshooting-finder")).toHaveAttribute("data-index-status", "ready");
}

const UNIQUE_ERROR = `[CONVEX Q(profiles:byHandle)] [Request ID: 9f0e1d2c3b4a5968] Server Error
Uncaught Error: unique() query returned more than one result from table profiles:
 [jh71qz3c9w2k8m4n6p0r5s7t1v3x5y9z, jh72ab4cd5ef6gh7jk8mn9pq0rs1tv2w, ...]
    at async handler (../convex/profiles.ts:22:18)`;

test.describe("troubleshooting index", () => {
  test("loads without script errors or failed requests of its own and lists every entry", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      // Failed requests are reported below with their URL; the site's favicon is not this page's concern.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400 && (path.startsWith("/troubleshooting/") || path.startsWith("/_astro/"))) {
        problems.push(`${response.status()} ${path}`);
      }
    });
    await openFinder(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Troubleshooting");
    expect(await page.getByTestId("entry-card").count()).toBeGreaterThanOrEqual(30);
    expect(problems).toEqual([]);
  });

  test("paste your error: a real message with its own IDs and paths finds its entry first", async ({ page }) => {
    await openFinder(page);
    await page.getByTestId("paste-error").fill(UNIQUE_ERROR);
    const first = page.getByTestId("paste-match").first();
    await expect(first).toHaveAttribute("data-slug", "unique-multiple-results");
    await expect(first).toContainText("Exact match");
    await first.getByRole("link").click();
    await expect(page).toHaveURL(/\/troubleshooting\/unique-multiple-results\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("unique() returned more than one result");
  });

  test("paste your error: another error replaces the results, and nonsense finds nothing", async ({ page }) => {
    await openFinder(page);
    const box = page.getByTestId("paste-error");
    await box.fill("Uncaught Error: Index orders.by_customer not found.");
    await expect(page.getByTestId("paste-match").first()).toHaveAttribute("data-slug", "index-not-found");
    await box.fill("Access to fetch at 'https://quiet-lynx-42.convex.site/api/x' from origin 'http://localhost:5173' has been blocked by CORS policy: Response to preflight request doesn't pass access control check");
    await expect(page.getByTestId("paste-match").first()).toHaveAttribute("data-slug", "cors-blocked-http-action");
    await box.fill("lorem ipsum dolor sit amet");
    await expect(page.getByTestId("paste-results")).toContainText("No entry matches");
  });

  test("full-text search narrows the list", async ({ page }) => {
    await openFinder(page);
    const total = await page.getByTestId("entry-card").count();
    await page.getByTestId("entry-search").fill("circular imports");
    const cards = page.getByTestId("entry-card");
    await expect(cards.first()).toHaveAttribute("data-slug", "undefined-validator-circular-import");
    expect(await cards.count()).toBeLessThan(total);
    await page.getByTestId("entry-search").fill("zzzqqqxxx");
    await expect(page.getByTestId("entry-list-empty")).toBeVisible();
  });

  test("filters by function type and by tag", async ({ page }) => {
    await openFinder(page);
    const typeChip = page.getByTestId("facet-function-type").locator('button[data-value="httpAction"]');
    await typeChip.click();
    await expect(typeChip).toHaveAttribute("aria-pressed", "true");
    const slugs = await page.getByTestId("entry-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-slug")));
    expect(slugs).toContain("cors-blocked-http-action");
    expect(slugs).not.toContain("unique-multiple-results");

    await page.getByTestId("facet-tag").locator('button[data-value="cors"]').click();
    await expect(page.getByTestId("entry-card")).toHaveCount(1);
    await expect(page.getByTestId("entry-card")).toHaveAttribute("data-slug", "cors-blocked-http-action");
  });

  test("an entry page's tag link opens the index filtered by that tag", async ({ page }) => {
    await page.goto("/troubleshooting/cors-blocked-http-action/");
    await page.locator(".ts-facts-list a", { hasText: "cors" }).click();
    await expect(page).toHaveURL(/\/troubleshooting\/\?tag=cors$/);
    await expect(page.getByTestId("facet-tag").locator('button[data-value="cors"]')).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("entry-card")).toHaveCount(1);
  });
});

test.describe("troubleshooting entry pages", () => {
  test("show symptoms, exact errors, causes, the fix and related lessons", async ({ page }) => {
    await page.goto("/troubleshooting/write-conflict-occ/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Write conflict/);
    for (const heading of ["Symptoms", "Error messages", "Causes", "The fix", "Related troubleshooting"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByTestId("entry-error-texts")).toContainText("changed while this mutation was being run");
  });

  test("an entry with a repro embeds its playground", async ({ page }) => {
    await page.goto("/troubleshooting/index-not-found/");
    const repro = page.getByTestId("entry-repro");
    await expect(repro.getByRole("heading", { name: "Reproduce it, then fix it" })).toBeVisible();
    await expect(repro.locator('[data-playground-id="ts-index-not-found"]')).toBeAttached();
  });

  test("the static index is served as JSON", async ({ request }) => {
    const response = await request.get("/troubleshooting/index.json");
    expect(response.ok()).toBe(true);
    const index = await response.json();
    expect(index.version).toBe(1);
    expect(index.entries.length).toBeGreaterThanOrEqual(30);
  });
});

test("a link with ?error= opens the index with that error pasted and matched", async ({ page }) => {
  const error = "Uncaught TypeError: ctx.runAction is not a function";
  await page.goto(`/troubleshooting/?error=${encodeURIComponent(error)}`);
  await expect(page.getByTestId("paste-error")).toHaveValue(error);
  await expect(page.getByTestId("paste-match").first()).toHaveAttribute("data-slug", "action-called-from-mutation");
});

test.describe("at 390px wide", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the index and an entry page fit without horizontal scrolling", async ({ page }) => {
    for (const path of ["/troubleshooting/", "/troubleshooting/cors-blocked-http-action/", "/troubleshooting/index-fields-out-of-order/"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});
