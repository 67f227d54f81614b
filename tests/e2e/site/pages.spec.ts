import { expect, test } from "@playwright/test";
import { entries, lessons } from "./content";

test("home loads with no console errors and offers the three ways in", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learn Convex by running it");
  const main = page.locator("main");
  await expect(main.getByRole("link", { name: "Browse the lessons" })).toHaveAttribute("href", "/lessons/");
  await expect(main.getByRole("link", { name: "Open the knowledge base" })).toHaveAttribute("href", "/troubleshooting/");
  await expect(main.getByRole("link", { name: "Go to the playground" })).toHaveAttribute("href", "/playground/");
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("a lesson is reached from the sidebar, with previous and next in learning order", async ({ page }) => {
  const all = lessons();
  expect(all.length).toBeGreaterThan(1);
  const target = all[1];

  await page.goto("/lessons/");
  const sidebar = page.locator("#starlight__sidebar");
  await sidebar.getByRole("link", { name: target.title, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/lessons/${target.slug}/?$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.title);
  await expect(sidebar.getByRole("link", { name: target.title, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute("href", `/lessons/${all[0].slug}/`);
  if (all[2]) {
    await expect(page.locator('.pagination-links a[rel="next"]')).toHaveAttribute("href", `/lessons/${all[2].slug}/`);
  }
});

test("the lesson index lists every lesson in order", async ({ page }) => {
  await page.goto("/lessons/");
  const titles = await page.locator(".lesson-list .lesson-card-title").allTextContents();
  expect(titles.map((title) => title.trim())).toEqual(lessons().map((lesson) => lesson.title));
});

test("an unknown URL shows the 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("404 — page not found");
  await expect(page.locator("main").getByRole("link", { name: "All lessons" })).toBeVisible();
});

test("/llms.txt lists every lesson and entry, each served as Markdown", async ({ request }) => {
  const response = await request.get("/llms.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  const links = [
    ...lessons().map((lesson) => ({ title: lesson.title, path: `/lessons/${lesson.slug}.md` })),
    ...entries().map((entry) => ({ title: entry.title, path: `/troubleshooting/${entry.slug}.md` })),
  ];
  for (const { title, path } of links) {
    expect(text).toContain(`[${title}](`);
    expect(text).toContain(`${path})`);
    const markdown = await request.get(path);
    expect(markdown.status(), path).toBe(200);
    expect(markdown.headers()["content-type"]).toContain("text/markdown");
    expect(await markdown.text()).toMatch(new RegExp(`^# ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n`));
  }
});
