/** Shared steps for the playground's end-to-end tests (real Chromium, built site, running sandbox). */
import { expect, type Locator, type Page } from "@playwright/test";

export const LESSON = "/lessons/reactive-model/";
export const sandboxUrl = process.env.E2E_SANDBOX_URL;

export function playground(page: Page): Locator {
  return page.locator(".cp-playground").first();
}

/** Opens a lesson and waits until Monaco has replaced the static code. */
export async function openPlayground(page: Page, path = LESSON): Promise<Locator> {
  await page.goto(path);
  const root = playground(page);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute("data-editor-state", "ready", { timeout: 30_000 });
  return root;
}

/** Replaces a file's text in the editor, as a learner pasting over it would (select all, paste). */
export async function setFile(page: Page, path: string, text: string): Promise<void> {
  const root = playground(page);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await root.locator(`[role="tab"][data-file="${path}"]`).click();
  const editor = root.locator(".monaco-editor").first();
  await editor.locator(".view-lines").click();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(editor.locator(".view-lines")).toContainText(text.split("\n").find((l) => l.trim() !== "")!.trim().slice(0, 20));
}

/** Picks a function in the runner, sets its arguments and presses Run. */
export async function runFunction(page: Page, path: string, args: unknown): Promise<Locator> {
  const root = playground(page);
  await root.locator('[role="tab"][data-panel="run"]').click();
  const select = root.getByTestId("function-select");
  await expect(select.locator(`option[value="${path}"]`)).toHaveCount(1, { timeout: 20_000 });
  await select.selectOption(path);
  await root.getByTestId("args-editor").fill(JSON.stringify(args));
  await root.getByTestId("run-button").click();
  const output = root.getByTestId("run-output");
  await expect(output).toContainText(/Success|Failed/, { timeout: 20_000 });
  return output;
}

/** Pushes the current files (Ctrl+S in the editor) and waits for the function list. */
export async function pushNow(page: Page): Promise<void> {
  const root = playground(page);
  await root.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+S");
  await expect(root).toHaveAttribute("data-sandbox-status", "ready", { timeout: 20_000 });
}
