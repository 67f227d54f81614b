import { expect, test } from "@playwright/test";
import { entries, errorPhrase } from "./content";

test("site search finds a troubleshooting entry by a phrase of its error text", async ({ page }) => {
  const all = entries();
  expect(all.length).toBeGreaterThan(0);
  const entry = all[0];
  const phrase = errorPhrase(entry);

  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).first().click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByRole("textbox", { name: "Search" }).fill(phrase);

  const hit = dialog.locator(`a[href*="/troubleshooting/${entry.slug}/"]`).first();
  await expect(hit, `searching for "${phrase}"`).toBeVisible({ timeout: 15_000 });
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/troubleshooting/${entry.slug}/`));
});
