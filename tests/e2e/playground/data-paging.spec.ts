/**
 * The data view pages through a whole table (50 documents a page, newest first), and every
 * page stays live. Needs the built site and a running sandbox server (the Playwright global
 * setup starts both).
 */
import { expect, test, type Page } from "@playwright/test";
import { openPlayground, playground, pushNow, sandboxUrl } from "./helpers";

test.describe.configure({ timeout: 90_000 });

test.skip(!sandboxUrl, "needs a running sandbox server (E2E_SANDBOX_URL)");

/** The URL of the sandbox the page's playground created (remembered in localStorage). */
async function sandboxOf(page: Page): Promise<string> {
  const url = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith("convex-playground:sandbox:")) return (JSON.parse(localStorage.getItem(key)!) as { url: string }).url;
    }
    return null;
  });
  expect(url).not.toBeNull();
  return url!;
}

/** Sends messages "message 1" … through the sandbox's HTTP API, in order. */
async function sendMessages(url: string, from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n++) {
    const res = await fetch(`${url}/api/mutation`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "messages:send", args: { author: "e2e", body: `message ${n}` }, format: "json" }),
    });
    expect(res.status).toBe(200);
  }
}

test("the data view pages through a whole table and keeps each page live", async ({ page }) => {
  await openPlayground(page);
  await pushNow(page);
  const url = await sandboxOf(page);
  await sendMessages(url, 1, 120);

  const root = playground(page);
  await root.locator('[role="tab"][data-panel="data"]').click();
  const tables = root.getByTestId("tables-view");
  await expect(tables.getByTestId("table-select").locator('option[value="messages"]')).toHaveText("messages (120)");
  await tables.getByTestId("table-select").selectOption("messages");

  const position = tables.getByTestId("table-position");
  const docs = tables.getByTestId("table-document");
  const newer = tables.getByTestId("page-newer");
  const older = tables.getByTestId("page-older");
  await expect(position).toHaveText("Documents 1–50 of 120, newest first");
  await expect(docs).toHaveCount(50);
  await expect(docs.first()).toContainText('"message 120"');
  await expect(newer).toBeDisabled();

  await older.click();
  await expect(position).toHaveText("Documents 51–100 of 120, newest first");
  await expect(docs.first()).toContainText('"message 70"');
  await expect(docs.last()).toContainText('"message 21"');

  await older.click();
  await expect(position).toHaveText("Documents 101–120 of 120, newest first");
  await expect(docs).toHaveCount(20);
  await expect(docs.last()).toContainText('"message 1"');
  await expect(older).toBeDisabled();

  // A write while an older page is shown updates the count; the page itself keeps its documents.
  await sendMessages(url, 121, 121);
  await expect(position).toHaveText("Documents 101–120 of 121, newest first");
  await expect(docs.last()).toContainText('"message 1"');

  // Back to the newest page, which shows the new document first.
  await newer.click();
  await expect(position).toHaveText("Documents 51–100 of 121, newest first");
  await newer.click();
  await expect(position).toHaveText("Documents 1–50 of 121, newest first");
  await expect(docs.first()).toContainText('"message 121"');
  await expect(newer).toBeDisabled();
});
