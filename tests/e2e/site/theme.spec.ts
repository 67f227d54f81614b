import { expect, test } from "@playwright/test";
import { lessons } from "./content";

test.use({ colorScheme: "light" });

test("dark mode chosen once persists across navigation and reloads", async ({ page }) => {
  const html = page.locator("html");
  await page.goto("/lessons/");
  await expect(html).toHaveAttribute("data-theme", "light");

  await page.locator("starlight-theme-select select").first().selectOption("dark");
  await expect(html).toHaveAttribute("data-theme", "dark");

  const lesson = lessons()[0];
  await page.locator("#starlight__sidebar").getByRole("link", { name: lesson.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}/?$`));
  await expect(html).toHaveAttribute("data-theme", "dark");

  await page.goto("/playground/");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  // Code blocks follow the theme too (Expressive Code switches with data-theme).
  await page.goto(`/lessons/${lesson.slug}/`);
  const codeBackground = await page
    .locator(".expressive-code pre")
    .first()
    .evaluate((pre) => getComputedStyle(pre).backgroundColor);
  expect(codeBackground).not.toBe("rgb(255, 255, 255)");
});
