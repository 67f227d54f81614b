import { expect, test, type Page } from "@playwright/test";
import { lessons } from "./content";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("pages fit a 390px-wide screen without horizontal scrolling", async ({ page }) => {
  const all = lessons();
  for (const path of ["/", "/lessons/", `/lessons/${all[0].slug}/`, `/lessons/${all[all.length - 1].slug}/`, "/playground/"]) {
    await page.goto(path);
    expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test("the navigation is reachable from the menu button at 390px", async ({ page }) => {
  const [first, second] = lessons();
  await page.goto(`/lessons/${first.slug}/`);
  const sidebar = page.locator("#starlight__sidebar");
  await expect(sidebar).toBeHidden();

  await page.getByRole("button", { name: "Menu" }).click();
  await expect(sidebar).toBeVisible();
  await sidebar.getByRole("link", { name: second.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${second.slug}/?$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second.title);
});
