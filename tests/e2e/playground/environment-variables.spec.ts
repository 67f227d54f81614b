/**
 * The data view's environment variables: set one, see it listed (and stored on the sandbox),
 * get Convex's text for a bad name, remove it. Needs the built site and a running sandbox
 * server (the Playwright global setup starts both).
 */
import { expect, test, type Page } from "@playwright/test";
import { openPlayground, playground, pushNow, sandboxUrl } from "./helpers";

test.describe.configure({ timeout: 90_000 });

test.skip(!sandboxUrl, "needs a running sandbox server (E2E_SANDBOX_URL)");

/** The sandbox the page's playground created (remembered in localStorage). */
async function sandboxOf(page: Page): Promise<{ url: string; adminKey: string }> {
  const sandbox = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith("convex-playground:sandbox:")) return JSON.parse(localStorage.getItem(key)!) as { url: string; adminKey: string };
    }
    return null;
  });
  expect(sandbox).not.toBeNull();
  return sandbox!;
}

async function storedVariables(sandbox: { url: string; adminKey: string }): Promise<Record<string, string>> {
  const res = await fetch(`${sandbox.url}/api/list_environment_variables`, { headers: { authorization: `Convex ${sandbox.adminKey}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { environmentVariables: Record<string, string> }).environmentVariables;
}

test("the data view sets, lists and removes the sandbox's environment variables", async ({ page }) => {
  await openPlayground(page);
  await pushNow(page);
  const sandbox = await sandboxOf(page);

  const root = playground(page);
  await root.locator('[role="tab"][data-panel="data"]').click();
  const env = root.getByTestId("env-view");
  await expect(env.getByTestId("env-empty")).toBeVisible();

  await env.getByTestId("env-name").fill("GREETING");
  await env.getByTestId("env-value").fill("hello from the playground");
  await env.getByTestId("env-set").click();
  const row = env.locator('[data-testid="env-row"][data-name="GREETING"]');
  await expect(row).toContainText("hello from the playground");
  expect(await storedVariables(sandbox)).toEqual({ GREETING: "hello from the playground" });

  await env.getByTestId("env-name").fill("my-key");
  await env.getByTestId("env-value").fill("x");
  await env.getByTestId("env-set").click();
  await expect(env.getByTestId("env-error")).toHaveText(
    "The environment variable name my-key is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.",
  );

  await row.getByTestId("env-remove").click();
  await expect(env.getByTestId("env-empty")).toBeVisible();
  expect(await storedVariables(sandbox)).toEqual({});
});
